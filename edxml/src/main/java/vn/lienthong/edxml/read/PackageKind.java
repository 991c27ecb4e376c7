package vn.lienthong.edxml.read;

/** Document package (axis messagetype {@code edoc}) or status package ({@code status}). */
public enum PackageKind {
    DOCUMENT, STATUS
}
