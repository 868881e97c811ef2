package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.Request;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.load("openapi/contract-test.yaml");

    @Test
    void aWellFormedDocumentHasNoProblemsAndListsItsOperations() {
        assertThat(contract.problems()).isEmpty();
        assertThat(contract.operations()).containsExactly(
                new OpenApiContract.DocumentedOperation("/things/{id}", PathItem.HttpMethod.POST, java.util.Set.of("201", "404")));
    }

    @Test
    void aDocumentedAnswerPasses() {
        contract.assertDocumentedResponse("/things/t-1", Request.Method.POST, 201, "{\"id\":\"t-1\",\"count\":2}");
        contract.assertDocumentedResponse("/things/t-1", Request.Method.POST, 404, "{\"error\":\"thing t-1 not found\"}");
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> contract.assertDocumentedResponse("/things/t-1", Request.Method.POST, 422, "{\"error\":\"x\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aBodyWithoutARequiredFieldFails() {
        assertThatThrownBy(() -> contract.assertDocumentedResponse("/things/t-1", Request.Method.POST, 201, "{\"id\":\"t-1\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("count");
    }

    @Test
    void aFieldOfTheWrongTypeFails() {
        assertThatThrownBy(() -> contract.assertDocumentedResponse("/things/t-1", Request.Method.POST, 201, "{\"id\":\"t-1\",\"count\":\"two\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aDocumentWithAMalformedEntryHasProblems() {
        assertThat(OpenApiContract.load("openapi/contract-broken.yaml").problems()).isNotEmpty();
    }
}
