package vn.lienthong.adapter.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.store.BulkSentDocuments;
import vn.lienthong.adapter.store.TestStores;

/**
 * NO_ARRIVAL on a store of 100,000 old unanswered documents (issue 13 at 1,000,000 documents: grouping every attempt
 * each round timed out on H2). The rule reads only the attempts of its window, through the attempts' time index, and
 * keeps the alerts of documents that left the window open until their recipient answers.
 */
abstract class AlertRulesAtScaleContract {

    static final String G22 = AlertRulesContract.G22;
    static final String H41 = AlertRulesContract.H41;
    static final int SEEDED = 100_000;

    protected abstract DataSource dataSource();

    AlertStore store;
    OffsetDateTime now;

    @BeforeEach
    void fresh() {
        TestStores.freshSchema(dataSource());
        store = new AlertStore(TestStores.persistenceUnit(dataSource()));
        now = AlertStore.now();
        BulkSentDocuments.seed(dataSource(), SEEDED, now.minusDays(60), H41);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void onlyTheWindowIsReadAndOldAlertsStayOpenUntilAnswered() {
        SentWithoutStatusRule rule = new SentWithoutStatusRule(AlertRule.NO_ARRIVAL);
        String old = store.sentDocument(G22, "1/OLD", "SENT", now.minusDays(30), H41);
        assertEquals(1, store.evaluate(rule, now.minusDays(30).plusMinutes(31)),
                "raised in its time; the 100,000 sent 60 days ago are beyond the window");
        String recent = store.sentDocument(G22, "2/NEW", "SENT", now.minusMinutes(31), H41);
        assertEquals(1, store.evaluate(rule, now), "the recent one");
        assertEquals(Set.of(old + "/" + H41, recent + "/" + H41), openSubjects(),
                "the old alert is out of the window but still unanswered: held, not resolved");
        store.status(old, H41, "01", now);
        store.evaluate(rule, now.plusMinutes(1));
        assertEquals(Set.of(recent + "/" + H41), openSubjects(), "answered: resolved");
    }

    @Test
    void theWindowQueryUsesTheAttemptTimeIndex() {
        SentWithoutStatusRule rule = new SentWithoutStatusRule(AlertRule.NO_ARRIVAL);
        String plan = store.tx(em -> {
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("EXPLAIN " + rule.windowQuery())
                    .setParameter(1, now.minusMinutes(30)).setParameter(2, now.minusDays(7))
                    .getResultList();
            return rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        });
        System.out.println("NO_ARRIVAL window plan:\n" + plan);
        assertTrue(plan.toLowerCase().contains("ix_console_attempt_time"), plan);
    }

    private Set<String> openSubjects() {
        return store.tx(em -> new AlertTable(em).unresolved(AlertRule.NO_ARRIVAL)).stream()
                .map(a -> a.subject()).collect(Collectors.toSet());
    }
}
