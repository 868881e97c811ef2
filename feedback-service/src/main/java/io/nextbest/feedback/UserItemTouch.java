package io.nextbest.feedback;

import io.nextbest.model.event.EventItem;
import io.nextbest.model.event.TrackerEvent;
import java.time.Instant;
import java.util.List;

/**
 * What the user-items step needs of a tracker event with items, on the
 * {@code tracker-events-by-user} repartition topic: its distinct item ids in event order, its
 * event type (wire name) and its time. Carrying this instead of the whole event keeps the
 * repartition small and cheap to read.
 */
record UserItemTouch(List<String> itemIds, String eventType, Instant at) {

    UserItemTouch {
        itemIds = List.copyOf(itemIds);
    }

    static UserItemTouch of(TrackerEvent event) {
        List<String> itemIds = event.items().stream().map(EventItem::itemId).distinct().toList();
        return new UserItemTouch(itemIds, event.eventType().wireName(), FeedbackTopology.eventTime(event));
    }
}
