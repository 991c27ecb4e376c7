package vn.lienthong.adapter.statistics.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.configuration.StatisticsSettings;

import vn.lienthong.adapter.platform.store.SchemaMigrations;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.statistics.entity.Granularity;
import vn.lienthong.adapter.statistics.entity.StatisticsQuery;
import vn.lienthong.adapter.statistics.entity.StatisticsResult;
import vn.lienthong.adapter.statistics.entity.StatisticsRow;

/**
 * The exchange statistics of Decision 28/2018 art. 11, computed from the store on demand: from the rollup
 * ({@link StatisticsRollup}, {@link RollupStatisticsSql}) once it is built, the documents changed since its
 * checkpoint − settle read live so the figures are those of the live joins ({@link StatisticsSql}, the reference,
 * used while the rollup is not built, after a retention run until the next refresh, or with
 * {@code adapter.statistics.rollup=false}). See docs/statistics.md for every figure's definition and
 * docs/benchmarks.md for the times on 1,000,000 documents. Callers check which organisations the asker may see
 * before they build the query.
 *
 * <pre>
 * StatisticsResult r = statistics.compute(StatisticsQuery.month(YearMonth.of(2026, 11))
 *         .forOrganisations(Set.of("000.00.00.G22")).perCounterpart(true));
 * new XlsxExport(Labels.VI).write(r, out);
 * </pre>
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ExchangeStatistics {

    /** Requests of this node that may take a second connection at the same time. */
    static final int PARALLEL_REQUESTS = 2;
    static final Semaphore PARALLEL = new Semaphore(PARALLEL_REQUESTS);

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;
    @Inject
    AdapterSettings adapterSettings;
    /** Runs the received side's pass while the caller's thread runs the sent side's. */
    @Resource
    ManagedExecutorService executor;
    /** Outside the container: the same, on the common pool. */
    private Executor plainExecutor;
    private StatisticsSettings settings;

    public ExchangeStatistics() {
        // for the container
    }

    /** Outside the container (tests, the benchmark): statistics over {@code dataSource}, default settings. */
    public ExchangeStatistics(DataSource dataSource) {
        this(dataSource, StatisticsSettings.DEFAULTS);
    }

    public ExchangeStatistics(DataSource dataSource, StatisticsSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.plainExecutor = ForkJoinPool.commonPool();
    }

    private StatisticsSettings settings() {
        if (settings == null) {
            settings = adapterSettings == null ? StatisticsSettings.DEFAULTS : adapterSettings.statistics();
        }
        return settings;
    }

    public StatisticsResult compute(StatisticsQuery query) {
        return compute(query, LocalDate.now(VietnamTime.ZONE));
    }

    /** {@code today} decides which deadlines have passed. */
    public StatisticsResult compute(StatisticsQuery query, LocalDate today) {
        try (Connection c = dataSource.getConnection()) {
            OffsetDateTime checkpoint = settings().rollup() ? StatisticsRollup.checkpoint(c) : null;
            OffsetDateTime since = checkpoint == null ? null : checkpoint.minus(settings().settle());
            if (since == null || StatisticsRollup.retentionRemovedSince(c, since)) {
                return new StatisticsResult(query, VietnamTime.now(), new StatisticsSql(c, query, today).rows());
            }
            return new StatisticsResult(query, VietnamTime.now(),
                    rollupRows(c, query, today, since));
        } catch (SQLException e) {
            throw new EJBException("Statistics unavailable", e);
        }
    }

    /**
     * Through the rollup, the two directions at once on two connections when one of the
     * {@value #PARALLEL_REQUESTS} permits is free, else one after the other: a request holding its connection while
     * it waits for a second one could exhaust the pool under a burst of requests (hold and wait).
     */
    private List<StatisticsRow> rollupRows(Connection c,
            StatisticsQuery query, LocalDate today, OffsetDateTime since) throws SQLException {
        RollupStatisticsSql sql = new RollupStatisticsSql(c, query, today, since);
        if (!PARALLEL.tryAcquire()) {
            return sql.rows(null, null);
        }
        try {
            return sql.rows(executor != null ? executor : plainExecutor, dataSource::getConnection);
        } finally {
            PARALLEL.release();
        }
    }

    /** The reference: the same figures from the live joins only, whatever the rollup holds. */
    public StatisticsResult computeLive(StatisticsQuery query, LocalDate today) {
        try (Connection c = dataSource.getConnection()) {
            return new StatisticsResult(query, VietnamTime.now(), new StatisticsSql(c, query, today).rows());
        } catch (SQLException e) {
            throw new EJBException("Statistics unavailable", e);
        }
    }

    /** The figures of the printable monthly report of {@code month} for {@code scope} (already checked). */
    public MonthlyFigures month(YearMonth month, Set<String> scope) {
        StatisticsQuery q = new StatisticsQuery(scope, null, month.atDay(1), month.atEndOfMonth(), Granularity.TOTAL,
                false, false);
        return new MonthlyFigures(month, scope, compute(q), compute(q.perCounterpart(true)),
                signedShare(month.atDay(1), month.atEndOfMonth(), scope));
    }

    /** The share of signed documents per month and inside / outside the organisation (issue 14). */
    public List<SignedShare.Row> signedShare(LocalDate from, LocalDate to, Set<String> scope) {
        try (Connection c = dataSource.getConnection()) {
            return new SignedShare(c).byMonth(from, to, scope);
        } catch (SQLException e) {
            throw new EJBException("Statistics unavailable", e);
        }
    }
}
