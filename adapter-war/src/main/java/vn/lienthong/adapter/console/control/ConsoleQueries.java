package vn.lienthong.adapter.console.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.directory.control.Directory;
import vn.lienthong.adapter.directory.entity.Organisation;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.reception.entity.InboxItem;
import vn.lienthong.adapter.reception.entity.ReceivedPackage;
import vn.lienthong.adapter.security.control.KeyMaterial;
import vn.lienthong.adapter.signatures.control.SignatureRecords;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.adapter.tracking.control.DocumentQuery;
import vn.lienthong.adapter.tracking.entity.Document;
import vn.lienthong.adapter.tracking.entity.DocumentState;
import vn.lienthong.edxml.sign.PackageVerifier;

/**
 * Everything the console's pages read, always narrowed to the organisations the caller may see: a document is
 * visible when its sender or one of its recipients is among them. Read-only.
 */
@Stateless
public class ConsoleQueries {

    public static final int PAGE_SIZE = 20;
    /** The dashboard's window: the daily chart and the completeness per counterpart cover these days. */
    public static final int DASHBOARD_DAYS = 30;

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    DocumentQuery documents;
    @Inject
    Directory directory;
    @Inject
    KeyMaterial keys;
    @Inject
    AdapterSettings settings;
    @Inject
    SignatureRecords documentSignatures; // issue 14: signer and verdict of each attachment on the document page

    // ---------------------------------------------------------------- dashboard

    public record Day(LocalDate day, long delivered, long feedback) {
    }

    /** Latest status of each recipient of what we sent, in the Government Office's categories. */
    public record Completeness(String counterpart, long full, long partial, long only01, long nothing) {
        public long total() {
            return full + partial + only01 + nothing;
        }
    }

    public record Dashboard(long sentToday, long receivedToday, long sentMonth, long receivedMonth, long queued,
            long inFlight, long dead, Duration oldestQueuedAge, List<Day> days, List<Completeness> completeness) {
    }

    public Dashboard dashboard(ConsoleCaller caller) {
        OffsetDateTime dayStart = LocalDate.now(VietnamTime.ZONE).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
        OffsetDateTime monthStart = dayStart.withDayOfMonth(1);
        OffsetDateTime now = VietnamTime.now();
        OffsetDateTime oldest = scoped(caller, "SELECT MIN(d.queuedAt) FROM Document d WHERE d.state = :st",
                OffsetDateTime.class).setParameter("st", DocumentState.QUEUED).getSingleResult();
        // One scan of the window per series, a CASE sum per day (portable JPQL), instead of two counts per day.
        OffsetDateTime first = dayStart.minusDays(DASHBOARD_DAYS - 1);
        long[] delivered = perDay(caller, "FROM TransportAttempt a JOIN a.document d WHERE a.outcome = 'SENT'",
                "a.attemptedAt", first, null);
        long[] feedback = perDay(caller, "FROM StatusEvent s JOIN s.document d WHERE d.direction = :out",
                "s.recordedAt", first, Document.Direction.OUT);
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DASHBOARD_DAYS; i++) {
            days.add(new Day(first.plusDays(i).toLocalDate(), delivered[i], feedback[i]));
        }
        return new Dashboard(count(caller, Document.Direction.OUT, dayStart), count(caller, Document.Direction.IN,
                dayStart), count(caller, Document.Direction.OUT, monthStart),
                count(caller, Document.Direction.IN, monthStart), state(caller, DocumentState.QUEUED),
                scoped(caller, "SELECT COUNT(d) FROM Document d WHERE d.state = :st AND d.leaseUntil > :now",
                        Long.class).setParameter("st", DocumentState.QUEUED).setParameter("now", now)
                        .getSingleResult(),
                state(caller, DocumentState.DEAD), oldest == null ? null : Duration.between(oldest, now), days,
                completeness(caller, dayStart.minusDays(DASHBOARD_DAYS - 1)));
    }

    /** Rows of {@code from} per Vietnam day of {@code time}, for the dashboard's days from {@code first}. */
    private long[] perDay(ConsoleCaller caller, String from, String time, OffsetDateTime first,
            Document.Direction out) {
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < DASHBOARD_DAYS; i++) {
            sums.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN ").append(time).append(" >= :b").append(i)
                    .append(" AND ").append(time).append(" < :b").append(i + 1).append(" THEN 1 ELSE 0 END)");
        }
        var q = scoped(caller, "SELECT " + sums + " " + from + " AND " + time + " >= :b0 AND " + time + " < :b"
                + DASHBOARD_DAYS, Object[].class);
        for (int i = 0; i <= DASHBOARD_DAYS; i++) {
            q.setParameter("b" + i, first.plusDays(i));
        }
        if (out != null) {
            q.setParameter("out", out);
        }
        Object[] row = q.getSingleResult();
        long[] perDay = new long[DASHBOARD_DAYS];
        for (int i = 0; i < DASHBOARD_DAYS; i++) {
            perDay[i] = row[i] == null ? 0 : ((Number) row[i]).longValue(); // SUM of no rows is NULL
        }
        return perDay;
    }

    private long count(ConsoleCaller caller, Document.Direction direction, OffsetDateTime since) {
        return scoped(caller, "SELECT COUNT(d) FROM Document d WHERE d.direction = :dir AND d.messageType = 'EDOC'"
                + " AND d.createdAt >= :since", Long.class).setParameter("dir", direction)
                .setParameter("since", since).getSingleResult();
    }

    private long state(ConsoleCaller caller, DocumentState state) {
        return scoped(caller, "SELECT COUNT(d) FROM Document d WHERE d.state = :st", Long.class)
                .setParameter("st", state).getSingleResult();
    }

    /**
     * Completeness of what was sent since {@code since} (the dashboard's window): bounded by the documents' creation
     * time, so the query reads one window of the (direction, message type, created) index, not every recipient
     * ever stored. Any other period: the statistics pages.
     */
    private List<Completeness> completeness(ConsoleCaller caller, OffsetDateTime since) {
        Map<String, long[]> per = new LinkedHashMap<>();
        String jpql = "SELECT r.organId, r.statusCode, COUNT(r) FROM Recipient r JOIN r.document d"
                + " WHERE d.direction = :out AND d.messageType = 'EDOC' AND d.createdAt >= :since"
                + (caller.all() ? "" : " AND d.senderOrganId IN :organs")
                + " GROUP BY r.organId, r.statusCode ORDER BY r.organId";
        var q = em.createQuery(jpql, Object[].class).setParameter("out", Document.Direction.OUT)
                .setParameter("since", since);
        if (!caller.all()) {
            q.setParameter("organs", organsOrNone(caller));
        }
        for (Object[] row : q.getResultList()) {
            long[] c = per.computeIfAbsent((String) row[0], k -> new long[4]);
            c[category((String) row[1])] += ((Number) row[2]).longValue();
        }
        List<Completeness> out = new ArrayList<>();
        per.forEach((organ, c) -> out.add(new Completeness(organ, c[0], c[1], c[2], c[3])));
        return out;
    }

    /** 0 full chain (06, or refusal 02), 1 partial (03–05 and anything later), 2 only 01, 3 nothing. */
    static int category(String latestCode) {
        if (latestCode == null || latestCode.isBlank()) {
            return 3;
        }
        return switch (latestCode) {
            case "06", "02" -> 0;
            case "01" -> 2;
            default -> 1;
        };
    }

    // ---------------------------------------------------------------- documents

    public record Criteria(String number, String subject, String organId, LocalDate from, LocalDate to,
            DocumentState state, Document.Direction direction) {
    }

    public record Page<T>(List<T> items, long total, int page, int pages) {
    }

    public Page<Document> search(ConsoleCaller caller, Criteria c, int page) {
        StringBuilder where = new StringBuilder(" WHERE d.messageType = 'EDOC'");
        Map<String, Object> p = new LinkedHashMap<>();
        if (notBlank(c.number())) {
            where.append(" AND (LOWER(d.codeNumber) LIKE :num OR LOWER(d.codeNotation) LIKE :num"
                    + " OR LOWER(d.documentId) LIKE :num)");
            p.put("num", like(c.number()));
        }
        if (notBlank(c.subject())) {
            where.append(" AND LOWER(d.subject) LIKE :subj");
            p.put("subj", like(c.subject()));
        }
        if (notBlank(c.organId())) {
            where.append(" AND (d.senderOrganId = :org OR EXISTS (SELECT r2.id FROM Recipient r2"
                    + " WHERE r2.document = d AND r2.organId = :org))");
            p.put("org", c.organId().trim());
        }
        if (c.from() != null) {
            where.append(" AND d.createdAt >= :from");
            p.put("from", c.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
        }
        if (c.to() != null) {
            where.append(" AND d.createdAt < :to");
            p.put("to", c.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime());
        }
        if (c.state() != null) {
            where.append(" AND d.state = :state");
            p.put("state", c.state());
        }
        if (c.direction() != null) {
            where.append(" AND d.direction = :dir");
            p.put("dir", c.direction());
        }
        TypedQuery<Long> countQuery = scoped(caller, "SELECT COUNT(d) FROM Document d" + where, Long.class);
        TypedQuery<Document> listQuery = scoped(caller, "SELECT d FROM Document d" + where
                + " ORDER BY d.createdAt DESC, d.id", Document.class);
        p.forEach((k, v) -> {
            countQuery.setParameter(k, v);
            listQuery.setParameter(k, v);
        });
        long total = countQuery.getSingleResult();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        List<Document> items = listQuery.setFirstResult((current - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE)
                .getResultList();
        items.forEach(d -> d.getRecipients().size());
        return new Page<>(items, total, current, pages);
    }

    /** What the document page shows. {@code packageCheck}: hash and signature of the stored package. */
    public record DocumentView(Document document, List<DocumentQuery.HistoryEntry> history, String packageCheck,
            String signature, SignatureView documentSignatures) {
    }

    /** The document (by the adapter's id) if it exists; refused if the caller may not see it. */
    public Optional<DocumentView> document(ConsoleCaller caller, String id) {
        Document d = id == null ? null : em.find(Document.class, id);
        if (d == null) {
            return Optional.empty();
        }
        d.getRecipients().size();
        d.getAttachments().size();
        requireVisible(caller, d);
        return Optional.of(new DocumentView(d, documents.history(d), packageCheck(d), signature(d),
                documentSignatures == null ? null : documentSignatures.find(d.getId()).orElse(null)));
    }

    public void requireVisible(ConsoleCaller caller, Document d) {
        if (!visible(caller, d)) {
            throw new ConsoleRefusal(ConsoleRefusal.ORGANISATION, 403,
                    "This document belongs to organisations you may not see");
        }
    }

    public static boolean visible(ConsoleCaller caller, Document d) {
        return caller.maySee(d.getSenderOrganId())
                || d.getRecipients().stream().anyMatch(r -> caller.maySee(r.getOrganId()));
    }

    private String packageCheck(Document d) {
        if (d.getPackagePath() == null || d.getPackageSha256() == null) {
            return "NO_PACKAGE";
        }
        Path p = settings.dataDir().resolve(d.getPackagePath());
        try {
            if (!Files.isRegularFile(p)) {
                return "MISSING";
            }
            return Sha256.of(p).equalsIgnoreCase(d.getPackageSha256()) ? "INTACT" : "CHANGED";
        } catch (IOException e) {
            return "UNREADABLE";
        }
    }

    /** Incoming: the check made when the package arrived. Outgoing: our own signature, checked now. */
    private String signature(Document d) {
        if (d.getDirection() == Document.Direction.IN) {
            return em.createQuery("SELECT r.signature FROM ReceivedPackage r WHERE r.documentRef = :id", String.class)
                    .setParameter("id", d.getId()).setMaxResults(1).getResultList().stream().findFirst()
                    .orElse("UNKNOWN");
        }
        if (d.getPackagePath() == null || !Files.isRegularFile(settings.dataDir().resolve(d.getPackagePath()))) {
            return "NO_PACKAGE";
        }
        try {
            return new PackageVerifier(keys.trustAnchors()).verify(settings.dataDir().resolve(d.getPackagePath()))
                    .status().name();
        } catch (IOException | RuntimeException e) {
            return "UNREADABLE";
        }
    }

    // ---------------------------------------------------------------- outbox, inbox, directory

    public List<Document> outbox(ConsoleCaller caller, DocumentState state, boolean inFlight, int max) {
        String jpql = "SELECT d FROM Document d WHERE d.state = :st"
                + (inFlight ? " AND d.leaseUntil > :now" : "") + " ORDER BY d.updatedAt DESC";
        TypedQuery<Document> q = scoped(caller, jpql, Document.class).setParameter("st", state);
        if (inFlight) {
            q.setParameter("now", VietnamTime.now());
        }
        return q.setMaxResults(max).getResultList();
    }

    public List<InboxItem> inbox(ConsoleCaller caller, int max) {
        String jpql = "SELECT i FROM InboxItem i WHERE i.kind = :k"
                + (caller.all() ? "" : " AND i.organId IN :organs") + " ORDER BY i.createdAt DESC";
        TypedQuery<InboxItem> q = em.createQuery(jpql, InboxItem.class).setParameter("k", InboxItem.Kind.DOCUMENT);
        if (!caller.all()) {
            q.setParameter("organs", organsOrNone(caller));
        }
        return q.setMaxResults(max).getResultList();
    }

    public List<Organisation> directory(String text) {
        return directory.search(text == null ? "" : text.trim(), 200);
    }

    // ---------------------------------------------------------------- scope

    /**
     * The query with the caller's scope added to its WHERE clause, before any ORDER BY ({@code d} is the document
     * alias): the sender, or a recipient, among the caller's organisations.
     */
    private <T> TypedQuery<T> scoped(ConsoleCaller caller, String jpql, Class<T> type) {
        if (caller.all()) {
            return em.createQuery(jpql, type);
        }
        int order = jpql.indexOf(" ORDER BY ");
        String where = order < 0 ? jpql : jpql.substring(0, order);
        String orderBy = order < 0 ? "" : jpql.substring(order);
        return em.createQuery(where + " AND (d.senderOrganId IN :organs OR EXISTS (SELECT rs.id FROM Recipient rs"
                + " WHERE rs.document = d AND rs.organId IN :organs))" + orderBy, type)
                .setParameter("organs", organsOrNone(caller));
    }

    /** An empty IN list is not portable SQL: a user without organisations matches an id no one has. */
    private static List<String> organsOrNone(ConsoleCaller caller) {
        return caller.organIds().isEmpty() ? List.of("\u0000none") : caller.organIds();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        String escaped = s.trim().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
        return "%" + escaped + "%";
    }
}
