package org.clusterlens.themes.control.suggestions;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last model learnt for each study and kind of viewer, kept while the answers it learnt from
 * are the same: the same coded texts, the same codes, the same stop words. The key is what the
 * model was trained on, read afresh from the database and the index at every request, so a code
 * written on another instance sharing the database is seen at the next request here.
 */
@ApplicationScoped
public class TrainedModels {
    private record Key(long studyId, boolean identified) {
    }

    private record Trained(Map<String, CodedText> coded, List<String> stopWords, SuggestionModel model) {
    }

    private final Map<Key, Trained> models = new ConcurrentHashMap<>();

    /**
     * The model learnt from exactly these coded answers, trained now unless it was already.
     *
     * @param coded the coded answers by answer key
     */
    SuggestionModel of(long studyId, boolean identified, Map<String, CodedText> coded, List<String> stopWords,
                       SuggestionLearner learner) {
        Key key = new Key(studyId, identified);
        Map<String, CodedText> wanted = Map.copyOf(coded);
        Trained known = models.get(key);
        if (known != null && known.coded().equals(wanted) && known.stopWords().equals(stopWords)) {
            return known.model();
        }
        SuggestionModel model = learner.train(List.copyOf(wanted.values()));
        models.put(key, new Trained(wanted, List.copyOf(stopWords), model));
        return model;
    }
}
