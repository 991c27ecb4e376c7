/**
 * Client of the national document exchange axis (VXP HTTP API, spec {@code axis-vxp-api.md}).
 *
 * <p>Typical receive step, one {@link vn.lienthong.axis.client.AxisClient} per system id:
 * <pre>{@code
 * try (AxisClient axis = AxisClient.create(AxisClientConfig.fromSource(key -> config.getValue(key)))) {
 *     for (ReceivedItem item : axis.getReceivedEdocList(MessageType.EDOC)) {
 *         FetchedPackage pkg = axis.getEdoc(item.docId(), inbox.resolve(item.docId() + ".edxml"));
 *         // parse, store in one transaction, then:
 *         axis.updateStatus(item.docId(), AckStatus.DONE);
 *     }
 * }
 * }</pre>
 *
 * <p>Failures: {@link vn.lienthong.axis.client.AxisTransportException} means the outcome is unknown (retry with
 * back-off, same bytes); {@link vn.lienthong.axis.client.AxisRejectedException} means the axis refused (record,
 * alert, do not retry blindly); {@link vn.lienthong.axis.client.AxisAuthenticationException} means the system id or
 * secret is wrong. The client itself never retries: retry policy belongs to the caller's loop.
 *
 * <p>Answers are judged by their verdict first: a sendEdoc refusal carries an empty {@code DocId}, a downloadEdoc
 * failure may come as HTTP 200 JSON (never saved as a package). Each header name is sent once, in one spelling.
 * See {@code axis-simulator/README.md}, "What the reference SDK expects".
 */
package vn.lienthong.axis.client;
