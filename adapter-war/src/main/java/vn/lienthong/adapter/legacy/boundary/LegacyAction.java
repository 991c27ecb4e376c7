package vn.lienthong.adapter.legacy.boundary;

/**
 * One SOAPAction of the old protocol (spec legacy-edoc-soap.md §6). {@link EdocEndpoint} finds every
 * implementation through CDI and dispatches on {@link #name()}; the request is already read and parsed, and the
 * endpoint audits and translates whatever {@link #handle} throws, so a handler only authenticates (through
 * {@link LegacyAccess}), maps, acts and says what to answer.
 */
public interface LegacyAction {

    /** The SOAPAction this handler answers, as in the WSDL (e.g. {@code SendDocument}). */
    String name();

    /** Answers one call; a refusal is a thrown {@code LegacyFault} (or a Rejection from the layers below). */
    LegacyReply handle(LegacyCall call);
}
