package org.encaisse.collection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the open tasks of an install upgraded to the worklists the name, priority and card variables a task gets
 * when it is created today, so that they show in "Mes appels du jour" sorted by amount and in "Promesses à
 * vérifier" like the others. Runs at each start and finds nothing to do after the first.
 */
@Component
class TaskCardsBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskCardsBackfill.class);

    /** Open tasks of the customers' processes, whose case names its customer, without a card. */
    private static final String WITHOUT_CARD = """
            SELECT T.ID_ FROM ACT_RU_TASK T JOIN ACT_RE_PROCDEF D ON D.ID_ = T.PROC_DEF_ID_
            WHERE D.KEY_ IN (%s)
              AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE C WHERE C.EXECUTION_ID_ = T.PROC_INST_ID_ AND C.NAME_ = ?)
              AND NOT EXISTS (SELECT 1 FROM ACT_RU_VARIABLE V WHERE V.TASK_ID_ = T.ID_ AND V.NAME_ = ?)""";

    private final JdbcTemplate jdbc;
    private final TaskHeadlines headlines;

    TaskCardsBackfill(JdbcTemplate jdbc, TaskHeadlines headlines) {
        this.jdbc = jdbc;
        this.headlines = headlines;
    }

    @Override
    public void run(ApplicationArguments args) {
        int given = giveMissingCards();
        if (given > 0) {
            log.info("Gave {} open task(s) created before the worklists their name, priority and card.", given);
        }
    }

    int giveMissingCards() {
        List<String> keys = List.copyOf(TaskHeadlines.PROCESSES);
        String sql = WITHOUT_CARD.formatted(String.join(", ", keys.stream().map(key -> "?").toList()));
        Object[] parameters = new Object[keys.size() + 2];
        for (int i = 0; i < keys.size(); i++) {
            parameters[i] = keys.get(i);
        }
        parameters[keys.size()] = CaseVariables.CUSTOMER_ID;
        parameters[keys.size() + 1] = TaskHeadline.CUSTOMER_NAME;
        List<String> taskIds = jdbc.queryForList(sql, String.class, parameters);
        headlines.refresh(taskIds);
        return taskIds.size();
    }
}
