package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.adapter.legacy.control.LegacySubmissions;
import vn.lienthong.mappings.edoc.EdocMappings;
import vn.lienthong.mappings.edoc.MappedMessage;

/**
 * Golden files: recall (1), update (2) and replace (3) in each dialect, and take-back (UpdateTraces 13), as old
 * clients send them (golden/legacy/business/{case}.request.*) and what the endpoint hands the adapter's pipeline
 * ({case}.reads.txt): the {@link Submission.Change} for SubmissionService.submit, or the arguments of
 * RecallService.recall.
 */
class LegacyBusinessRequestsGoldenTest {

    @TempDir
    Path spool;

    @ParameterizedTest
    @ValueSource(strings = {"update-hub", "update-2803", "update-512", "replace-hub", "replace-2803", "replace-512",
        "recall-hub", "recall-2803", "recall-512"})
    void sendDocumentWithABusinessBlockReadsAsExpected(String name) throws Exception {
        var request = BusinessRequests.read(name + ".request.txt", spool);
        MappedMessage mapped = EdocMappings.v1().mapSendDocument(request.envelope().header());
        StringBuilder b = new StringBuilder("action=SendDocument\nmapping=").append(mapped.mapping()).append('\n');
        mapped.toGoldenText().lines().filter(l -> l.startsWith("business.")).forEach(l -> b.append(l).append('\n'));
        if (mapped.businessType() == 1) {
            var recall = LegacySubmissions.toRecall(mapped);
            b.append("--- RecallService.recall\n").append("scope=").append(recall.scope()).append('\n')
                    .append("fromOrganId=").append(recall.fromOrganId()).append('\n')
                    .append("targetCandidates=").append(recall.targetCandidates()).append('\n')
                    .append("reason=").append(recall.reason()).append('\n');
        } else {
            Submission s = LegacySubmissions.toSubmission(mapped, request.envelope().manifest(),
                    request.message().parts());
            assertEquals(mapped.businessType(), s.businessType());
            b.append("--- SubmissionService.submit\n").append("documentId()=").append(s.documentId()).append('\n')
                    .append("clientMessageId=").append(s.clientMessageId()).append('\n');
            s.recipients().forEach(r -> b.append("recipient=").append(r.organId()).append('\n'));
            var c = s.change();
            b.append("change.type=").append(c.type()).append('\n')
                    .append("change.targetDocumentId=").append(c.targetDocumentId()).append('\n')
                    .append("change.reason=").append(c.reason()).append('\n')
                    .append("change.contentChanged=").append(c.contentChanged()).append('\n');
            c.receiverChanges().forEach(r -> b.append("change.receiver=").append(r.organId())
                    .append(r.added() ? " added" : " removed").append('\n'));
            c.replaces().forEach(r -> b.append("change.replaces=").append(r.documentId()).append(" had ")
                    .append(r.organIds()).append('\n'));
            s.attachments().forEach(a -> b.append("attachment=").append(a.name()).append(" | ").append(a.contentType())
                    .append(" | ").append(a.knownSize()).append(" bytes\n"));
        }
        request.message().close();
        Golden.assertMatches("business/" + name + ".reads.txt", b.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"takeback"})
    void updateTracesWithStatus13ReadsAsATakeBack(String name) throws Exception {
        var request = BusinessRequests.read(name + ".request.xml", spool);
        var s = StatusReader.read(request.envelope());
        String b = "action=UpdateTraces\nstatus.code=" + s.statusCode() + " -> QCVN "
                + EdocMappings.v1().statusToQcvn(s.statusCode()).orElseThrow() + " (take-back)\n"
                + "--- RecallService.recall\nfromOrganId=" + s.fromOrganId() + "\nrecipient (ResponseFor/OrganId)="
                + s.originalSender() + "\ndocumentId=" + s.documentId() + "\nreason=" + s.description() + "\n";
        request.message().close();
        Golden.assertMatches("business/" + name + ".reads.txt", b);
    }
}
