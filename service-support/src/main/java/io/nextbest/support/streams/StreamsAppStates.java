package io.nextbest.support.streams;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The last known state of each Kafka Streams app of this process, and whether it has finished
 * restoring (reached RUNNING) since it was last started. Health indicators read it; each app's state listener
 * writes it.
 */
public class StreamsAppStates {

    private final Map<String, KafkaStreams.State> current = new ConcurrentHashMap<>();
    private final Set<String> restored = ConcurrentHashMap.newKeySet();

    void register(String app) {
        current.putIfAbsent(app, KafkaStreams.State.CREATED);
    }

    void record(String app, KafkaStreams.State state) {
        current.put(app, state);
        if (state == KafkaStreams.State.RUNNING) {
            restored.add(app);
        } else if (state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING) {
            // Stopped (Spring stops and restarts it with its lifecycle): the next start restores its
            // partitioned stores again and must reach RUNNING before it counts as restored.
            restored.remove(app);
        }
    }

    public Map<String, KafkaStreams.State> current() {
        return Map.copyOf(current);
    }

    public boolean hasRestored(String app) {
        return restored.contains(app);
    }
}
