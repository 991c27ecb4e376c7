package vn.lienthong.axis.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** getAgenciesList, getAgenciesListQD20 and getSynchronizeUnit answered from the directory, streamed. */
final class DirectoryAnswers {

    private DirectoryAnswers() {
    }

    static void agencies(HttpExchange exchange, AgencyDirectory directory) throws IOException {
        Answers.okStreamingData(exchange, g -> directory.entries().forEach(e -> {
            g.writeStartObject();
            g.write("id", e.id());
            g.write("pid", e.pid());
            g.write("code", e.code102());
            g.write("name", e.name());
            g.write("mail", e.mail());
            g.write("oldCode", e.oldCode());
            g.writeEnd();
        }));
    }

    /** {@code level} filters by the number of groups of the QĐ 20 code; entries without one are left out. */
    static void agenciesQd20(HttpExchange exchange, AgencyDirectory directory, String level) throws IOException {
        Integer wanted;
        try {
            wanted = level == null || level.isBlank() ? null : Integer.valueOf(level.trim());
        } catch (NumberFormatException e) {
            Answers.fail(exchange, "INVALID_LEVEL", "level must be a number");
            return;
        }
        Answers.okStreamingData(exchange, g -> directory.entries().stream()
                .filter(e -> e.qd20Level() > 0 && (wanted == null || e.qd20Level() == wanted))
                .forEach(e -> {
                    g.writeStartObject();
                    g.write("id", e.id());
                    g.write("code", e.codeQd20());
                    g.write("name", e.name());
                    g.write("mail", e.mail());
                    g.write("code102", e.code102());
                    g.writeEnd();
                }));
    }

    static void synchronizeUnits(HttpExchange exchange, AgencyDirectory directory) throws IOException {
        Answers.okStreamingData(exchange, g -> directory.entries().forEach(e -> {
            g.writeStartObject();
            g.write("id", e.id());
            g.write("pid", e.pid());
            g.write("code", e.code102());
            g.write("name", e.name());
            g.write("mail", e.mail());
            g.write("centerCode", "");
            g.write("version", 1);
            g.write("deleted", false);
            g.write("modifyDate", "");
            g.write("isAgency", true);
            g.writeEnd();
        }));
    }
}
