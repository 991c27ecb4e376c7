package vn.lienthong.adapter.soap;

import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * A refusal decided inside WSS4J processing (by our UsernameToken validator) that already knows its stable code;
 * WSS4J and CXF carry it as the cause of their fault, and {@link WsRefusals} reads the code back.
 */
final class CodedSecurityException extends WSSecurityException {

    private static final long serialVersionUID = 1L;

    private final String code;

    CodedSecurityException(String code) {
        super(ErrorCode.FAILED_AUTHENTICATION);
        this.code = code;
    }

    String code() {
        return code;
    }
}
