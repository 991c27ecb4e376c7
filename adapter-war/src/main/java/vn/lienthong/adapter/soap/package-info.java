/**
 * Owns: The SOAP runtime: the CXF servlet that publishes every endpoint, WS-Security wiring, CXF parser limits and
 * the coded WS refusals. The only package importing CXF/WSS4J. May import: the faces it publishes (exchange,
 * legacy) and the capabilities it wires (intake, recall, reception, directory, tracking, security, audit), web,
 * configuration, platform. Checked by architecture.PackageDependenciesTest (no circles).
 */
package vn.lienthong.adapter.soap;
