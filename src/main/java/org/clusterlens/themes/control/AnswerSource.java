package org.clusterlens.themes.control;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the index is made from: the database ({@link ThemeSources}), or a test's own answers. */
public interface AnswerSource {

    /** The responses as they are now; one that is missing or not submitted comes back withdrawn. */
    List<IndexedResponse> current(Collection<Long> responseIds);

    /**
     * Submitted responses with an id above {@code afterId}, by id: a rebuild reads them page by
     * page. One that cannot be read may come back withdrawn, keeping its place in the page.
     */
    List<IndexedResponse> submittedAfter(long afterId, int limit);

    long submittedCount();

    /** Each study's own stop words; a study without any may be left out. */
    Map<Long, List<String>> stopWords(Collection<Long> studyIds);
}
