package io.nextbest.model.catalog.entity;

/**
 * A recommendation model of a project ({@code kainic_mid}).
 *
 * @param type            {@code popular}, {@code similar_items} or {@code personalized}
 * @param trainingTarget  {@code parent} or {@code variant}: which item ids it returns
 * @param deploymentJobId null when no deployment job has an endpoint ("No endpoint is currently
 *                        deployed for this model")
 */
public record Model(String id, String name, String type, String trainingTarget, boolean deployed, String deploymentJobId) {
}
