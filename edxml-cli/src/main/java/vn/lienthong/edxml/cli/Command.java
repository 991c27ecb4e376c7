package vn.lienthong.edxml.cli;

import java.io.PrintStream;

/** One sub-command; returns the exit code. */
interface Command {

    int run(Arguments args, PrintStream out, PrintStream err) throws Exception;
}
