package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Proves a stopped RestartableKafka refuses connections and comes back on the same address with its records. */
class RestartableKafkaTest {

    private static final String TOPIC = "restart-survivor";

    @Test
    void stoppedBrokerRefusesConnectionsOnItsPort() {
        try (RestartableKafka kafka = RestartableKafka.startOnFreePort()) {
            kafka.stop();

            assertThat(kafka.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(kafka.bootstrapServers())).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void restartedBrokerKeepsItsAddressAndAcknowledgedRecords() throws Exception {
        try (RestartableKafka kafka = RestartableKafka.startOnFreePort()) {
            String address = kafka.bootstrapServers();
            createTopic(address);
            produce(address, "before-stop");

            kafka.stop();
            kafka.start();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            assertThat(readAll(address)).containsExactly("before-stop");
        }
    }

    private static void connect(String bootstrapServers) throws IOException {
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2_000);
        }
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrapServers) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
