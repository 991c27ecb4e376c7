package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.WebServiceException;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.ExchangeClients;
import vn.lienthong.itsupport.SignedPart;
import vn.lienthong.itsupport.TamperedStream;
import vn.lienthong.ws.exchange.v1.AttachmentData;
import vn.lienthong.ws.exchange.v1.DocumentExchangePort;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.GetIncomingDocumentResponse;
import vn.lienthong.ws.exchange.v1.InboxEntry;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;

/**
 * Issue 11 item 4, the answer side, in the normal suite: a received document with a 30 MiB file (over what an inline
 * answer may carry, ~20 MiB by default) is answered to an MTOM request as an MTOM part streamed from disk, the
 * answer signed over its Body with the part's {@code xop:Include} and sha256 (XOP not expanded); the client verifies
 * the signature as sent and the part's sha256 while saving it ({@link SignedPart}). An altered part fails that
 * check; an altered sha256 in the Body fails the signature; a request without MTOM still gets {@code R.attachment}.
 * The 2 GiB version: it-resilience {@code LargeAttachmentsIT} (docs/large-attachments.md).
 */
class LargeAnswersOnMicroIT extends AdapterOnMicro {

    private static final int SIZE = 30 * 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void aFileOverTheInlineLimitIsAnsweredAsASignedMtomPartAndAlterationsAreCaught() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(20261128L).nextBytes(content);
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1, 99_999_999));
        String documentId = CounterpartSystem.newDocumentId(number);
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            counterpart.send(demo.organId(), number, content, 0);
        }
        content = null; // the rest of the test never holds the file
        InboxEntry item = Await.until("the 30 MiB document in the inbox", WAIT, () -> pending().stream()
                .filter(i -> documentId.equals(i.getDocumentId())).findFirst());
        URL endpoint = new URL(base, "services/DocumentExchange");

        // Inline (the request was not MTOM): still refused, the envelope would not fit the inline bound.
        ExchangeFault inline = assertThrows(ExchangeFault.class, () -> service.getIncomingDocument(get(item)));
        assertEquals("R.attachment", inline.getFaultInfo().getCode());
        assertTrue(inline.getMessage().contains("MTOM"), inline.getMessage());

        // MTOM: the file as a part, its sha256 in the signed Body, saved and checked while streaming.
        DocumentExchangePort mtom = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        java.util.concurrent.atomic.AtomicInteger parts = new java.util.concurrent.atomic.AtomicInteger(-1);
        receivedThrough(mtom, new AbstractPhaseInterceptor<Message>(Phase.PRE_INVOKE) {
            @Override
            public void handleMessage(Message message) {
                parts.set(message.getAttachments() == null ? 0 : message.getAttachments().size());
            }
        });
        GetIncomingDocumentResponse answer = mtom.getIncomingDocument(get(item));
        String type = ExchangeClients.LAST_ANSWER_CONTENT_TYPE.get();
        assertTrue(type.startsWith("multipart/related") && type.contains("application/xop+xml"), type);
        assertEquals(1, parts.get(), "the file travelled as a MIME part (xop:Include in the signed Body), not inline");
        AttachmentData a = answer.getAttachment().get(0);
        assertEquals(sha256, a.getSha256(), "the digest the adapter computed when it stored the received file");
        Path saved = dir.resolve("saved.pdf");
        try (InputStream in = a.getContent().getInputStream()) {
            assertEquals(SIZE, SignedPart.save(in, a.getSha256(), saved));
        }
        assertEquals(SIZE, Files.size(saved));

        // One byte of the part altered on the wire (16 MiB into the HTTP body: inside the part): the signature
        // still holds (the part is not in the signed Body), the client's digest check refuses the part.
        DocumentExchangePort alteredPart = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        receivedThrough(alteredPart, new AbstractPhaseInterceptor<Message>(Phase.RECEIVE) {
            @Override
            public void handleMessage(Message message) {
                message.setContent(InputStream.class,
                        new TamperedStream(message.getContent(InputStream.class), 16L * 1024 * 1024));
            }
        });
        AttachmentData altered = alteredPart.getIncomingDocument(get(item)).getAttachment().get(0);
        assertEquals(sha256, altered.getSha256());
        Path tampered = dir.resolve("tampered.pdf");
        try (InputStream in = altered.getContent().getInputStream()) {
            assertThrows(SignedPart.DigestMismatch.class, () -> SignedPart.save(in, altered.getSha256(), tampered));
        }
        assertFalse(Files.exists(tampered), "an altered part is not kept");

        // The sha256 in the Body altered (to pass off another part): the answer's signature fails at the client.
        DocumentExchangePort alteredDigest = ExchangeClients.secured(endpoint, demo, demo.password(), true);
        Client client = ClientProxy.getClient(alteredDigest);
        AbstractPhaseInterceptor<SoapMessage> swap = new AbstractPhaseInterceptor<>(Phase.PRE_PROTOCOL) {
            @Override
            public void handleMessage(SoapMessage message) {
                if (message.getContent(SOAPMessage.class) == null) {
                    new SAAJInInterceptor().handleMessage(message); // as WSS4JInInterceptor would, first
                }
                try {
                    NodeList digests = message.getContent(SOAPMessage.class).getSOAPBody()
                            .getElementsByTagNameNS("*", "sha256");
                    digests.item(0).setTextContent("0".repeat(64));
                } catch (jakarta.xml.soap.SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        swap.addBefore(WSS4JInInterceptor.class.getName());
        client.getInInterceptors().add(swap);
        WebServiceException refused = assertThrows(WebServiceException.class,
                () -> alteredDigest.getIncomingDocument(get(item)));
        assertTrue(String.valueOf(refused.getMessage()).matches("(?is).*(signature|digest).*"), refused.getMessage());
    }

    private static void receivedThrough(DocumentExchangePort port, AbstractPhaseInterceptor<Message> interceptor) {
        ClientProxy.getClient(port).getInInterceptors().add(interceptor);
    }

    private GetIncomingDocument get(InboxEntry item) {
        GetIncomingDocument get = new GetIncomingDocument();
        get.setOrganId(demo.organId());
        get.setItemId(item.getItemId());
        return get;
    }

    private List<InboxEntry> pending() throws Exception {
        ListIncoming list = new ListIncoming();
        list.setOrganId(demo.organId());
        list.setKind(InboxKind.DOCUMENT);
        return service.listIncoming(list).getItem();
    }
}
