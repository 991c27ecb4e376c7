package vn.lienthong.adapter.legacy.control;

/**
 * The stable catalogue of error codes the old-protocol endpoint emits besides the validation codes mapped from
 * the adapter's own (via {@code mappings/edoc/v1/error-paths.properties}). Families as the hub's (spec §5.2):
 * N. missing, R. range/size, M. invalid/mismatch, T. format; plain codes for credentials.
 */
public final class LegacyCodes {

    /** SOAPAction absent or not one of the eight operations. */
    public static final String UNKNOWN_ACTION = "M.SOAPAction";
    /** Not well-formed XML, not a SOAP envelope, or an unsupported content type. */
    public static final String BAD_ENVELOPE = "M.Envelope";
    /** A DOCTYPE (DTD, external entities, entity expansion) — never accepted. */
    public static final String DOCTYPE = "M.Envelope.DOCTYPE";
    /** The request is larger than adapter.legacy.max-message-bytes. */
    public static final String MESSAGE_TOO_LARGE = "R.Message";
    /** The SOAP envelope part is larger than adapter.legacy.max-envelope-bytes. */
    public static final String ENVELOPE_TOO_LARGE = "R.Envelope";
    /** More MIME attachment parts than adapter.limits.attachments. */
    public static final String TOO_MANY_ATTACHMENTS = "R.Attachments";
    /** One attachment part larger than adapter.limits.attachment-bytes. */
    public static final String ATTACHMENT_TOO_LARGE = "R.Attachment";
    /** A Manifest Reference whose cid has no MIME part. */
    public static final String MISSING_ATTACHMENT = "N.Manifest.Reference.Attachment";
    /** A MIME part no Manifest Reference points to, or a Reference without a cid. */
    public static final String UNREFERENCED_ATTACHMENT = "M.Attachment.Reference";
    /** KeyInfo OrganId or Token missing (SendDocument, UpdateTraces). */
    public static final String CHECK_SIGNATURE = "CheckSignature";
    /** OrganId or Token missing (body/header credential operations). */
    public static final String CHECK_PERMISSION = "CheckPermission";
    /** Wrong OrganId/Token pair or too many failures (authentication). */
    public static final String PERMISSION = "Permission";
    /**
     * Acting for an organisation the token does not cover (From, Status/From), or a token whose grant exceeds what
     * its grantor may act for: the adapter-wide code of {@code OrganisationAuthority}, the same on every face.
     */
    public static final String ORGANISATION = vn.lienthong.adapter.security.control.OrganisationAuthority.CODE;
    /** Too many wrong tokens for the organisation or from the client address (shared login throttle). */
    public static final String LOCKED = "AUTH.LOCKED";
    /** An organisation id that is not of the QCVN 102 form. */
    public static final String ORGAN_ID = "M.OrganId";
    /** DocumentId unknown, not numeric, or not addressed to the caller. */
    public static final String DOCUMENT_ID = "M.DocumentId";
    /** GetDocument for a document that is not the caller's. */
    public static final String GET_DOCUMENT_ALLOW = "M.GetDocumentCheckAllow";
    /** A status that cannot be matched to a received document. */
    public static final String UPDATE_TRACES = "M.UpdateTraces";
    /** A business type other than 0 (new), 1 (recall), 2 (update), 3 (replace), or not a whole number. */
    public static final String BUSINESS_TYPE = "M.TraceHeaderList.Business.BusinessDocType";
    /** Status 13 (take-back request) from an organisation that is not the document's original sender. */
    public static final String TAKE_BACK_NOT_SENDER = "M.Status.From.OrganId";
    /** Status 13 naming, as ResponseFor/OrganId, an organisation the document was not sent to. */
    public static final String TAKE_BACK_RECIPIENT = "M.Status.ResponseFor.OrganId";
    /** Unexpected failure; the description carries a correlation id, never internals. */
    public static final String INTERNAL = "M.Internal";

    private LegacyCodes() {
    }
}
