package io.nextbest.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One OpenAPI document a service publishes (a classpath resource under {@code static/openapi/}),
 * for tests that hold the service to it: the document must parse without a single message, and
 * answers the service really gives can be checked against the documented status codes and
 * response schemas of their operation.
 */
public final class OpenApiContract {

    /** One documented operation, with the path template as the document writes it. */
    public record DocumentedOperation(String path, PathItem.HttpMethod method, Set<String> statuses) {
    }

    private final String resource;
    private final String text;
    private final SwaggerParseResult parsed;
    private OpenApiInteractionValidator validator;

    private OpenApiContract(String resource, String text) {
        this.resource = resource;
        this.text = text;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        this.parsed = new OpenAPIParser().readContents(text, null, options);
    }

    /** @param resource classpath location, e.g. {@code static/openapi/ingest.yaml} */
    public static OpenApiContract load(String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return new OpenApiContract(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built on first use, after {@link #problems()} had the chance to say what is wrong with the document. */
    private synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            assertThat(problems()).as("problems of %s", resource).isEmpty();
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
        }
        return validator;
    }

    public String text() {
        return text;
    }

    /** The parser's messages (broken references, wrong types, unknown keywords); empty when well-formed. */
    public List<String> problems() {
        return parsed.getMessages() == null ? List.of() : parsed.getMessages();
    }

    public OpenAPI document() {
        assertThat(parsed.getOpenAPI()).as("%s parses as OpenAPI", resource).isNotNull();
        return parsed.getOpenAPI();
    }

    public List<DocumentedOperation> operations() {
        List<DocumentedOperation> operations = new ArrayList<>();
        document().getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.readOperationsMap().entrySet()) {
                operations.add(new DocumentedOperation(path, operation.getKey(),
                        new TreeSet<>(operation.getValue().getResponses().keySet())));
            }
        });
        return operations;
    }

    /**
     * Asserts that an answer of the service is documented: its status is one of the operation's
     * responses and its JSON body matches that response's schema.
     *
     * @param path the concrete request path, e.g. {@code /collector/collect/custom/p/t}
     */
    public void assertDocumentedResponse(String path, Request.Method method, int status, String jsonBody) {
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(jsonBody)
                .build();
        ValidationReport report = validator().validateResponse(path, method, response);
        assertThat(report.getMessages())
                .as("%s %s answered %d %s, which %s does not document", method, path, status, jsonBody, resource)
                .isEmpty();
    }
}
