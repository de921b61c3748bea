package org.clusterlens.themes.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/** The response table of the tests: what each response is now. A rebuild can be held mid-way. */
final class FakeAnswers implements AnswerSource {
    private final Map<Long, IndexedResponse> responses = new TreeMap<>();
    private final Map<Long, List<String>> stopWords = new HashMap<>();
    volatile CountDownLatch rebuildPaused;
    volatile CountDownLatch rebuildReleased;

    synchronized void put(IndexedResponse response) {
        responses.put(response.responseId(), response);
    }

    synchronized void setStopWords(long studyId, List<String> words) {
        stopWords.put(studyId, words);
    }

    @Override
    public synchronized List<IndexedResponse> current(Collection<Long> responseIds) {
        List<IndexedResponse> found = new ArrayList<>();
        for (Long id : responseIds) {
            IndexedResponse r = responses.get(id);
            found.add(r == null || !r.submitted() ? IndexedResponse.withdrawn(id) : r);
        }
        return found;
    }

    @Override
    public List<IndexedResponse> submittedAfter(long afterId, int limit) {
        CountDownLatch paused = rebuildPaused;
        if (paused != null) {
            paused.countDown();
            try {
                rebuildReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            return responses.values().stream().filter(r -> r.submitted() && r.responseId() > afterId)
                    .limit(limit).toList();
        }
    }

    @Override
    public synchronized long submittedCount() {
        return responses.values().stream().filter(IndexedResponse::submitted).count();
    }

    @Override
    public synchronized Map<Long, List<String>> stopWords(Collection<Long> studyIds) {
        Map<Long, List<String>> found = new HashMap<>();
        studyIds.forEach(id -> {
            if (stopWords.containsKey(id)) {
                found.put(id, stopWords.get(id));
            }
        });
        return found;
    }
}
