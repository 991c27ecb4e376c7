package vn.lienthong.axis.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated counterpart agencies answer.
 *
 * @param documentStatuses codes sent, in order, for each new (or replacing) document; e.g. 01,03,04,05,06 or 02
 * @param refusalReason    Description of a 02 status
 * @param changeAnswer     15 (agree) or 16 (refuse) for take-back (13), recall (type 1) and update (type 2)
 * @param firstDelay       wait before the first status
 * @param stepDelay        wait between two statuses
 */
public record CounterpartScript(List<String> documentStatuses, String refusalReason, String changeAnswer,
                                Duration firstDelay, Duration stepDelay) {

    public static final List<String> ACCEPTING = List.of("01", "03", "04", "05", "06");

    public CounterpartScript {
        documentStatuses = List.copyOf(documentStatuses);
        refusalReason = refusalReason == null ? "Văn bản không thuộc thẩm quyền xử lý (mô phỏng)" : refusalReason;
        changeAnswer = changeAnswer == null ? "15" : changeAnswer;
        if (!changeAnswer.equals("15") && !changeAnswer.equals("16")) {
            throw new IllegalArgumentException("changeAnswer must be 15 or 16");
        }
        firstDelay = Objects.requireNonNullElse(firstDelay, Duration.ofMillis(100));
        stepDelay = Objects.requireNonNullElse(stepDelay, Duration.ofMillis(100));
    }

    public static CounterpartScript accepting() {
        return new CounterpartScript(ACCEPTING, null, "15", null, null);
    }

    public static CounterpartScript refusing(String reason) {
        return new CounterpartScript(List.of("02"), reason, "16", null, null);
    }

    public CounterpartScript withDelays(Duration first, Duration step) {
        return new CounterpartScript(documentStatuses, refusalReason, changeAnswer, first, step);
    }

    public static List<String> parseCodes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The Description written into a status package with this code. */
    String descriptionOf(String code) {
        return switch (code) {
            case "01" -> "Đã đến";
            case "02" -> refusalReason;
            case "03" -> "Đã tiếp nhận";
            case "04" -> "Đã phân công xử lý";
            case "05" -> "Đang xử lý";
            case "06" -> "Đã hoàn thành";
            case "15" -> "Đồng ý yêu cầu cập nhật, lấy lại";
            case "16" -> "Từ chối yêu cầu cập nhật, lấy lại";
            default -> "Trạng thái " + code;
        };
    }
}
