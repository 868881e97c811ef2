package io.nextbest.decision.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.decision.prediction.PredictionBody.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PredictionBodyTest {

    private final PredictionBody body = new PredictionBody(new PredictionProperties(65536, 10, 100, 50, 500, Duration.ofSeconds(5),
            Duration.ofDays(7), 10));

    private PredictionRequest decode(String json, Endpoint endpoint) {
        return body.decode(PredictionBody.tree(json.getBytes(StandardCharsets.UTF_8)), endpoint);
    }

    private void assertRejected(String json, Endpoint endpoint, HttpStatus status, String message) {
        assertThatThrownBy(() -> decode(json, endpoint)).isInstanceOfSatisfying(PredictionRejection.class, r -> {
            assertThat(r.getMessage()).isEqualTo(message);
            assertThat(r.status()).isEqualTo(status);
        });
    }

    @Test
    void aModelRequestWithEveryFieldDecodes() {
        PredictionRequest request = decode("""
                {"kainic_pid":"p1","kainic_mid":"m1","platform":"web","anon_uid":"a1","uid":"u1","sid":"s1",
                 "items":["sku-1",{"item_id":"sku-2"}],"type":"similar_items","count":3,"return_full_items_data":true,"extra":1}""", Endpoint.MODEL);

        assertThat(request).isEqualTo(new PredictionRequest("p1", "m1", null, "web", "a1", "u1", "s1", List.of("sku-1", "sku-2"),
                ModelType.SIMILAR_ITEMS, 3, true));
        assertThat(request.userId()).isEqualTo("u1");
    }

    @Test
    void defaultsAreTenItemsWithoutTitlesAndLimitIsAnAliasOfCount() {
        PredictionRequest request = decode("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"type\":\"popular\"}", Endpoint.MODEL);
        assertThat(request.count()).isEqualTo(10);
        assertThat(request.fullItemsData()).isFalse();
        assertThat(request.userId()).isNull();

        assertThat(decode("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"type\":\"popular\",\"limit\":4}", Endpoint.MODEL).count()).isEqualTo(4);
    }

    @Test
    void neitherItemsNorTypeIsTheSeedsMessage() {
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"items\":[]}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "At least one of the following fields must be provided: [items, type]");
    }

    @Test
    void missingRequiredFieldsAreTheCollectorsMessage() {
        assertRejected("{\"kainic_pid\":\"p1\",\"type\":\"popular\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "One or more required fields are missing!");
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_exp_id\":\"e1\",\"platform\":\"web\",\"anon_uid\":\" \",\"sid\":\"s\",\"type\":\"popular\"}",
                Endpoint.EXPERIMENT, HttpStatus.BAD_REQUEST, "One or more required fields are missing!");
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"items\":[{\"parent_id\":\"x\"}]}", Endpoint.MODEL,
                HttpStatus.BAD_REQUEST, "One or more required fields are missing!");
    }

    @Test
    void wrongTypesNameTheFieldInTheCollectorsWording() {
        String base = "\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"type\":\"popular\"";
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_mid\":7,\"type\":\"popular\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"kainic_mid\" is not string");
        assertRejected("{" + base + ",\"platform\":\"tv\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"platform\" is not one of web, mobile, pos");
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"type\":\"trending\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"type\" is not one of popular, similar_items, personalized");
        assertRejected("{" + base + ",\"count\":\"3\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"count\" is not an integer from 1 to 100");
        assertRejected("{" + base + ",\"count\":101}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"count\" is not an integer from 1 to 100");
        assertRejected("{" + base + ",\"return_full_items_data\":\"yes\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"return_full_items_data\" is not boolean");
        assertRejected("{" + base + ",\"items\":\"sku-1\"}", Endpoint.MODEL, HttpStatus.BAD_REQUEST,
                "Type of required field \"items\" is not array");
    }

    @Test
    void idsLongerThanAKeyCanHoldAre422() {
        assertRejected("{\"kainic_pid\":\"p1\",\"kainic_mid\":\"m1\",\"type\":\"popular\",\"uid\":\"" + "u".repeat(513) + "\"}",
                Endpoint.MODEL, HttpStatus.UNPROCESSABLE_CONTENT, "Field \"uid\" is longer than 512 characters");
    }

    @Test
    void bodiesThatAreNotAJsonObjectAre400() {
        assertThatThrownBy(() -> PredictionBody.tree("{\"kainic_pid\":".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Request body is not valid JSON");
        assertThatThrownBy(() -> PredictionBody.tree("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Request body must be a JSON object");
        assertThatThrownBy(() -> PredictionBody.tree(new byte[0])).hasMessage("One or more required fields are missing!");
    }
}
