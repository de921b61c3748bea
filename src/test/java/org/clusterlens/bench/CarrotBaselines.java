package org.clusterlens.bench;

import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.ClusteringAlgorithm;
import org.carrot2.clustering.Document;
import org.carrot2.clustering.kmeans.BisectingKMeansClusteringAlgorithm;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Carrot2's Lingo and bisecting k-means with their English components and default settings but
 * the number of clusters. Carrot2 may put an answer in several clusters or in none: an answer goes
 * to the first cluster in Carrot2's order that holds it, and counts as unassigned when none does.
 */
final class CarrotBaselines {
    private record Answer(int row, String text) implements Document {
        @Override
        public void visitFields(java.util.function.BiConsumer<String, String> fields) {
            fields.accept("text", text);
        }
    }

    private final LanguageComponents english;

    CarrotBaselines() {
        try {
            english = LanguageComponents.loader().load().language("English");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int[] lingo(List<String> texts, int k) {
        LingoClusteringAlgorithm lingo = new LingoClusteringAlgorithm();
        lingo.desiredClusterCount.set(k);
        return run(lingo, texts);
    }

    int[] bisectingKMeans(List<String> texts, int k) {
        BisectingKMeansClusteringAlgorithm kMeans = new BisectingKMeansClusteringAlgorithm();
        kMeans.clusterCount.set(k);
        return run(kMeans, texts);
    }

    private int[] run(ClusteringAlgorithm algorithm, List<String> texts) {
        List<Answer> answers = IntStream.range(0, texts.size()).mapToObj(i -> new Answer(i, texts.get(i))).toList();
        List<Cluster<Answer>> clusters = algorithm.cluster(answers.stream(), english);
        int[] assigned = new int[texts.size()];
        Arrays.fill(assigned, ClusteringScores.UNASSIGNED);
        List<Cluster<Answer>> flat = new ArrayList<>();
        clusters.forEach(c -> flatten(c, flat));
        Map<Cluster<Answer>, Integer> number = new IdentityHashMap<>();
        for (Cluster<Answer> cluster : flat) {
            int id = number.computeIfAbsent(cluster, c -> number.size());
            for (Answer a : cluster.getDocuments()) {
                if (assigned[a.row()] == ClusteringScores.UNASSIGNED) {
                    assigned[a.row()] = id;
                }
            }
        }
        return assigned;
    }

    private static void flatten(Cluster<Answer> cluster, List<Cluster<Answer>> into) {
        into.add(cluster);
        cluster.getClusters().forEach(c -> flatten(c, into));
    }
}
