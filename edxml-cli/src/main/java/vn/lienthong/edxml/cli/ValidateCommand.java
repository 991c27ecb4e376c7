package vn.lienthong.edxml.cli;

import java.io.PrintStream;
import vn.lienthong.edxml.read.AttachmentSink;
import vn.lienthong.edxml.read.EdxmlParseException;
import vn.lienthong.edxml.read.EdxmlReader;
import vn.lienthong.edxml.read.ReadResult;
import vn.lienthong.edxml.validate.Finding;

/** Prints every finding; exit 0 clean, 1 error findings, 2 not readable. */
final class ValidateCommand implements Command {

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws Exception {
        args.expectPositional(1);
        ReadResult r;
        try {
            r = new EdxmlReader().read(args.file(0, "package file"), AttachmentSink.discard());
        } catch (EdxmlParseException e) {
            out.println("ERROR " + e.getMessage());
            return EdxmlCli.UNREADABLE;
        }
        for (Finding f : r.findings()) {
            out.println(f.severity() + " " + f.code() + ": " + f.message());
        }
        out.println(r.hasErrors() ? "result: REFUSED (" + r.errors().size() + " error(s))" : "result: ACCEPTED");
        return r.hasErrors() ? EdxmlCli.FINDINGS : EdxmlCli.OK;
    }
}
