/**
 * The demo's signed document (issue 14): a one-page PDF signed (PAdES, {@code ETSI.CAdES.detached}) with the demo
 * document signer the demo CA issued ({@code edxml} {@code pki.DemoKeyFolder}), written by the launcher's key step
 * so that {@code scripts/demo-exchange.sh} sends a document with legal value.
 */
package vn.lienthong.docsig.demo;
