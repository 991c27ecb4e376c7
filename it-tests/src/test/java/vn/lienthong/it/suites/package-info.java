/**
 * The black-box suites that run against both runtimes from one body: the WS face ({@link
 * vn.lienthong.it.suites.SecuredExchangeSuite}), the old e-doc.vn protocol ({@link
 * vn.lienthong.it.suites.LegacyEdocSuite}) and the document lifecycle with recall ({@link
 * vn.lienthong.it.suites.DocumentLifecycleSuite}). Each is abstract; {@code micro/…OnMicroIT} runs it against the WAR on
 * Payara Micro and {@code server/…OnServerIT} against the EAR on Payara Server. The bodies reach the adapter only
 * through {@code support.AdapterTarget}; they never import {@code micro}, {@code server} or Arquillian.
 */
package vn.lienthong.it.suites;
