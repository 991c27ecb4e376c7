package vn.lienthong.adapter.recall.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import vn.lienthong.adapter.reception.control.ReceiveRound;

/**
 * Sends the recalls whose document has reached the axis, once per polling round of the receive loop (the same
 * schedule and order as when the loop called the dispatcher itself: recalls first, then the poll).
 */
@ApplicationScoped
public class DueRecalls {

    @Inject
    RecallDispatcher recalls;

    void onRound(@Observes ReceiveRound round) {
        for (String id : recalls.due()) {
            recalls.dispatch(id);
        }
    }
}
