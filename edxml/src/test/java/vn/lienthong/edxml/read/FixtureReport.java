package vn.lienthong.edxml.read;

import java.nio.file.Path;
import vn.lienthong.edxml.testsupport.Fixtures;
import vn.lienthong.edxml.validate.Finding;

/** Prints what the reader makes of every fixture (run by hand: the table in the hand-over note comes from it). */
public final class FixtureReport {

    public static void main(String[] args) throws Exception {
        EdxmlReader reader = new EdxmlReader();
        for (Path p : concat()) {
            System.out.println("== " + p.getParent().getFileName() + "/" + p.getFileName());
            try {
                ReadResult r = reader.read(p, AttachmentSink.discard());
                System.out.println("   kind=" + r.kind() + " signature=" + r.signature() + " errors="
                        + r.errors().size() + " attachments=" + r.attachments());
                for (Finding f : r.findings()) {
                    System.out.println("   " + f);
                }
            } catch (EdxmlParseException e) {
                System.out.println("   PARSE ERROR line " + e.line() + " column " + e.column() + ": " + e.getMessage());
            }
        }
    }

    private static java.util.List<Path> concat() {
        java.util.List<Path> all = new java.util.ArrayList<>(Fixtures.vendorFiles());
        all.addAll(Fixtures.nonconformingFiles());
        return all;
    }
}
