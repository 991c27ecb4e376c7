package vn.lienthong.edxml.validate;

/** ERROR refuses the package; WARNING is stored with it; INFO only explains a tolerated deviation. */
public enum Severity {
    ERROR, WARNING, INFO
}
