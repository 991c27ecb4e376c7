package vn.lienthong.adapter.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Feedback times are shown as people read them, not as raw seconds. */
class StatisticsPagesTest {

    @Test
    void durations() {
        assertEquals("—", StatisticsPages.duration(null));
        assertEquals("0 s", StatisticsPages.duration(0.2));
        assertEquals("59 s", StatisticsPages.duration(59.4));
        assertEquals("3 min 5 s", StatisticsPages.duration(185.0));
        assertEquals("2 h 10 min", StatisticsPages.duration(7800.0));
    }
}
