package vn.lienthong.axis.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.lienthong.edxml.model.Organization;
import vn.lienthong.edxml.model.ResponseFor;
import vn.lienthong.edxml.model.StaffInfo;
import vn.lienthong.edxml.model.StatusPackage;
import vn.lienthong.edxml.write.EdxmlWriter;

/**
 * Plays the agencies listed as counterparts: answers what it receives with status packages, after delays, as a
 * real recipient's clerk would. New and replacing documents get the configured sequence (01 03 04 05 06, or 02
 * with a reason); recall (type 1), update (type 2) and take-back requests (status 13) get 15 or 16.
 */
final class Counterpart {

    /** Hands a status package written by the counterpart to the axis as if its own system had sent it. */
    @FunctionalInterface
    interface StatusSender {
        void send(String fromOrganId, byte[] statusPackage) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(Counterpart.class.getName());
    private static final ZoneId AXIS_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ScheduledExecutorService scheduler;
    private final AgencyDirectory directory;
    private final Supplier<CounterpartScript> script;
    private final FaultInjector faults;
    private final StatusSender sender;
    private final Clock clock;
    private final EdxmlWriter writer = new EdxmlWriter();

    Counterpart(ScheduledExecutorService scheduler, AgencyDirectory directory, Supplier<CounterpartScript> script,
                FaultInjector faults, StatusSender sender, Clock clock) {
        this.scheduler = scheduler;
        this.directory = directory;
        this.script = script;
        this.faults = faults;
        this.sender = sender;
        this.clock = clock;
    }

    /** A package was delivered to {@code organId}, one of the organisations the simulator plays. */
    void received(String organId, PackageFacts facts) {
        CounterpartScript current = script.get();
        List<String> codes;
        ResponseFor about;
        if (!facts.status()) {
            about = new ResponseFor(facts.fromOrganId(), null, facts.documentId(), null);
            codes = facts.businessType() == 1 || facts.businessType() == 2
                    ? List.of(current.changeAnswer())
                    : new ArrayList<>(current.documentStatuses());
        } else if ("13".equals(facts.statusCode())) {
            // Take-back request: From is the original sender, who gets the 15/16 answer.
            about = new ResponseFor(facts.fromOrganId(), null, facts.responseForDocumentId(), null);
            codes = List.of(current.changeAnswer());
        } else {
            return;
        }
        if (faults.take(FaultMode.OUT_OF_ORDER, "counterpart").isPresent()) {
            codes = new ArrayList<>(codes);
            Collections.reverse(codes);
        }
        Duration delay = current.firstDelay();
        for (String code : codes) {
            StatusPackage status = new StatusPackage(Organization.of(organId, directory.nameOf(organId)), about,
                    new StaffInfo("Văn thư (mô phỏng)", null, "Văn thư mô phỏng", null, null, null), code,
                    current.descriptionOf(code), LocalDateTime.now(clock.withZone(AXIS_ZONE)).withNano(0));
            scheduler.schedule(() -> send(organId, status), delay.toMillis(), TimeUnit.MILLISECONDS);
            delay = delay.plus(current.stepDelay());
        }
    }

    private void send(String organId, StatusPackage status) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeStatus(status, out);
            sender.send(organId, out.toByteArray());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "counterpart " + organId + " could not write status "
                    + status.statusCode() + ": " + e.getMessage());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "counterpart " + organId + " could not send status "
                    + status.statusCode() + ": " + e.getMessage());
        }
    }
}
