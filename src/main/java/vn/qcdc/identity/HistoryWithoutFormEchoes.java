package vn.qcdc.identity;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine's database history, less the "form property" rows: on every form submission the engine
 * copies each submitted text into history a second time, even a field that is never to be stored
 * (a denouncer's name on the counter's start form). What a user submitted stays recorded once, as the
 * variable update it causes.
 */
class HistoryWithoutFormEchoes implements HistoryEventHandler {

    private final DbHistoryEventHandler database = new DbHistoryEventHandler();

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof HistoricFormPropertyEventEntity)) {
            database.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
