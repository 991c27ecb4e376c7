package vn.lienthong.edxml.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Operator tool for EDXML packages: {@code inspect}, {@code validate}, {@code sign}, {@code verify},
 * {@code signatures} (the documents' own signatures inside the attachments). Prints
 * messages, never stack traces: every failure becomes one line on stderr and an exit code.
 *
 * <p>Exit codes: 0 success (clean / valid), 1 findings of error level or an invalid signature or an unsigned
 * package for {@code verify}, 2 the input cannot be read (not well-formed, missing file, bad key store), 64 usage.
 */
public final class EdxmlCli {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int UNREADABLE = 2;
    static final int USAGE = 64;

    private static final Map<String, Command> COMMANDS = Map.of(
            "inspect", new InspectCommand(),
            "validate", new ValidateCommand(),
            "sign", new SignCommand(),
            "verify", new VerifyCommand(),
            "signatures", new SignaturesCommand(),
            "verify-archive", new VerifyArchiveCommand());

    private EdxmlCli() {
    }

    public static void main(String[] args) {
        // Libraries log through java.util.logging; an operator tool shows its own messages only.
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0])) {
            out.print(usage());
            return args.length == 0 ? USAGE : OK;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("error: unknown command '" + args[0] + "'");
            err.print(usage());
            return USAGE;
        }
        try {
            return command.run(Arguments.parse(Arrays.copyOfRange(args, 1, args.length)), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(usage());
            return USAGE;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory");
            return UNREADABLE;
        } catch (Exception | Error e) {
            // Last resort: still no stack trace, only what went wrong.
            err.println("error: " + Messages.describe(e));
            return UNREADABLE;
        }
    }

    static String usage() {
        return String.join("\n",
                "usage: java -jar edxml-cli.jar <command> [options] <file>",
                "",
                "commands:",
                "  inspect  <file>                      human-readable summary of a package (no personal data)",
                "  validate <file>                      findings; exit 0 clean, 1 error findings, 2 unreadable",
                "  sign     --p12 <file> [--alias <a>] [--alg RSA_SHA256|RSA_SHA1|ECDSA_SHA256]",
                "           [--password-env <VAR>|--password-file <file>] <in> <out>",
                "                                       enveloped XML signature (spec 10.2); the password is read",
                "                                       from EDXML_P12_PASSWORD unless told otherwise",
                "                                       exit 0 signed, 1 refused (validate's error findings,",
                "                                       already signed, certificate not valid now), 2 unreadable",
                "  verify   [--trust <ca.pem>]... [--allow-sha1] [--at <ISO-8601 time>] <file>",
                "                                       certificate checked now (or at --at); exit 0 valid,",
                "                                       1 invalid or unsigned, 2 unreadable",
                "  signatures [--trust <ca.pem>]... [--crl <file.crl>]... <file>",
                "                                       signatures inside each attachment (PDF verified offline,",
                "                                       other signed formats detected); exit 0 every attachment's",
                "                                       legal value established, 1 otherwise, 2 unreadable",
                "  verify-archive [--trust <ca.pem>]... <file.zip>",
                "                                       a retention archive: signed manifest, every file's SHA-256,",
                "                                       no unlisted entry; exit 0 intact, 1 not intact, 2 unreadable",
                "");
    }
}
