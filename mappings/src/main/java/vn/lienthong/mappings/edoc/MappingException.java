package vn.lienthong.mappings.edoc;

/** A value that cannot be mapped, with the legacy error code (T./M. + element path) the client gets. */
public class MappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public MappingException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
