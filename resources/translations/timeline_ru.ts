<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="61"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="66"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="68"/>
        <source>Show it where it lives (Enter or double-click)</source>
        <translation>Показать в исходном разделе (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="70"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="73"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="91"/>
        <source>Select an event to see its details.</source>
        <translation>Выберите событие, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="96"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="97"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="100"/>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="101"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="103"/>
        <source>Uncertainty</source>
        <translation>Погрешность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="106"/>
        <source>Clock correction</source>
        <translation>Поправка часов</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="107"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="108"/>
        <source>Concerns</source>
        <translation>Касается</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="110"/>
        <source>Findings</source>
        <translation>Нарушения</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="62"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="65"/>
        <source>Table (CSV)…</source>
        <translation>Таблица (CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="66"/>
        <source>Picture (PNG)…</source>
        <translation>Изображение (PNG)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="67"/>
        <source>Picture (SVG)…</source>
        <translation>Изображение (SVG)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="75"/>
        <source>CSV table (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="76"/>
        <source>PNG picture (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="77"/>
        <source>SVG picture (*.svg)</source>
        <translation>Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="81"/>
        <source>Export the timeline</source>
        <translation>Экспорт хронологии</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="100"/>
        <source>Exporting the timeline</source>
        <translation>Экспорт хронологии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/export.py" line="109"/>
        <source>Case %1 · %2 – %3 · times in %4 · %n event(s) shown</source>
        <translation>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n событие</numerusform>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n события</numerusform>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="116"/>
        <source>filter: %1</source>
        <translation>фильтр: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="130"/>
        <source>Timeline of case %1</source>
        <translation>Хронология по делу %1</translation>
    </message>
</context>
<context>
    <name>ManualEventDialog</name>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="39"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="39"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="50"/>
        <source>When (%1, %2)</source>
        <translation>Когда (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="55"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="58"/>
        <source>Uncertainty</source>
        <translation>Погрешность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="61"/>
        <source>What happened, e.g. the courier rang at the door</source>
        <translation>Что произошло, например: курьер звонил в дверь</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="63"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="66"/>
        <source>Who reported it, e.g. a neighbour</source>
        <translation>Кто сообщил, например: соседка</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="67"/>
        <source>Reported by</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="70"/>
        <source>Nobody in particular</source>
        <translation>Никого конкретно</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="75"/>
        <source>Concerns</source>
        <translation>Касается</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="91"/>
        <source>Describe the event.</source>
        <translation>Опишите событие.</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/canvas.py" line="292"/>
        <source>%1: %n event(s) here</source>
        <translation>
            <numerusform>%1: здесь %n событие</numerusform>
            <numerusform>%1: здесь %n события</numerusform>
            <numerusform>%1: здесь %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/canvas.py" line="298"/>
        <source>Zoom in to see them one by one</source>
        <translation>Увеличьте масштаб, чтобы увидеть их по отдельности</translation>
    </message>
</context>
<context>
    <name>TimelineCommands</name>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="107"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="123"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="134"/>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="143"/>
        <source>Add to the dossier</source>
        <translation>Включить в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="145"/>
        <source>Remove from the dossier</source>
        <translation>Исключить из досье</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="1"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="1"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="1"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="1"/>
        <source>Abusive language</source>
        <translation>Недопустимые выражения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="32"/>
        <location filename="../../app/ui/timeline/labels.py" line="90"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="33"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="34"/>
        <source>Video note</source>
        <translation>Отметка на видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="35"/>
        <source>Still</source>
        <translation>Стоп-кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="36"/>
        <source>Statement</source>
        <translation>Объяснение</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="37"/>
        <source>Time claimed in a statement</source>
        <translation>Время, указанное в объяснении</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="40"/>
        <source>Manual event</source>
        <translation>Событие, внесённое вручную</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="41"/>
        <location filename="../../app/ui/timeline/labels.py" line="104"/>
        <source>Finding</source>
        <translation>Нарушение</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="42"/>
        <source>Case milestone</source>
        <translation>Этап дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="49"/>
        <location filename="../../app/ui/timeline/labels.py" line="73"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="50"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="51"/>
        <source>Video notes</source>
        <translation>Отметки на видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="52"/>
        <source>Stills</source>
        <translation>Стоп-кадры</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="53"/>
        <location filename="../../app/ui/timeline/labels.py" line="74"/>
        <source>Statements</source>
        <translation>Объяснения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="54"/>
        <source>Claimed times</source>
        <translation>Время со слов</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="55"/>
        <source>Manual events</source>
        <translation>Внесённые вручную</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="56"/>
        <source>Findings</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="57"/>
        <source>Milestones</source>
        <translation>Этапы дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="65"/>
        <location filename="../../app/ui/timeline/labels.py" line="84"/>
        <source>General</source>
        <translation>Общее</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="69"/>
        <source>Camera: %1</source>
        <translation>Камера: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="72"/>
        <source>Call log</source>
        <translation>Журнал звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="75"/>
        <source>Investigator</source>
        <translation>Проверяющий</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="76"/>
        <location filename="../../app/ui/timeline/labels.py" line="111"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="77"/>
        <source>Call analysis</source>
        <translation>Анализ звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="78"/>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="89"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="91"/>
        <source>Caller</source>
        <translation>Кто звонил</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="92"/>
        <source>Callee</source>
        <translation>Кому звонили</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="93"/>
        <source>Virtual number</source>
        <translation>Подменный номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="94"/>
        <source>Duration, s</source>
        <translation>Длительность, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="95"/>
        <source>Answered</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="96"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="97"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="98"/>
        <source>Frame</source>
        <translation>Кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="99"/>
        <source>Camera clock</source>
        <translation>Часы камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="100"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="101"/>
        <source>Taken by</source>
        <translation>Кем получено</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="102"/>
        <source>Claim</source>
        <translation>Со слов</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="103"/>
        <source>Severity</source>
        <translation>Серьёзность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="105"/>
        <source>Events</source>
        <translation>Событий</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="106"/>
        <source>Added by</source>
        <translation>Кем внесено</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="107"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="108"/>
        <source>Reported by</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="109"/>
        <source>Complaint from</source>
        <translation>Источник обращения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="110"/>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="112"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="119"/>
        <source>assigned</source>
        <translation>назначен</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="120"/>
        <source>picked up</source>
        <translation>забран</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="121"/>
        <source>delivered</source>
        <translation>доставлен</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="122"/>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="123"/>
        <source>delivery slot</source>
        <translation>интервал доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="134"/>
        <source>Order %1: %2</source>
        <translation>Заказ %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="143"/>
        <source>Complaint received</source>
        <translation>Поступило обращение</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="145"/>
        <source>Case %1 opened</source>
        <translation>Заведено дело %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="149"/>
        <source>Decision taken</source>
        <translation>Принято решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="155"/>
        <source>Contact after the order was closed</source>
        <translation>Контакт после закрытия заказа</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="158"/>
        <source>Direct calls bypassing the masking</source>
        <translation>Прямые звонки в обход подменного номера</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="161"/>
        <source>Many numbers calling the complainant</source>
        <translation>Звонки заявителю с разных номеров</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="164"/>
        <source>Calls at night</source>
        <translation>Звонки ночью</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="165"/>
        <source>Burst of calls</source>
        <translation>Серия звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="172"/>
        <source>low</source>
        <translation>низкая</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="173"/>
        <source>medium</source>
        <translation>средняя</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="174"/>
        <source>high</source>
        <translation>высокая</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="198"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="202"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="206"/>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="213"/>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="218"/>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="220"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="233"/>
        <source>Duration: %1</source>
        <translation>Длительность: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="239"/>
        <source>Uncertainty: ± %1</source>
        <translation>Погрешность: ± %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="246"/>
        <source>Clock corrected by %1</source>
        <translation>Поправка часов: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="251"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="256"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="100"/>
        <source>Lanes by party</source>
        <translation>Дорожки по участникам</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="101"/>
        <source>Lanes by source</source>
        <translation>Дорожки по источникам</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="105"/>
        <source>Kinds</source>
        <translation>Виды</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="106"/>
        <source>Parties</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="107"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="108"/>
        <source>Findings</source>
        <translation>Нарушения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="118"/>
        <source>Only in the dossier</source>
        <translation>Только включённые в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="124"/>
        <source>Search titles</source>
        <translation>Поиск по описанию</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="137"/>
        <source>Fit all</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="137"/>
        <source>Show the whole timeline (Home)</source>
        <translation>Показать всю хронологию (Home)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="140"/>
        <location filename="../../app/ui/timeline/panel.py" line="417"/>
        <source>Fit selection</source>
        <translation>По выделению</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="141"/>
        <source>Zoom to the selected event or Shift+drag range (F)</source>
        <translation>Масштаб по выбранному событию или интервалу Shift+перетаскивание (F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="144"/>
        <source>Add event…</source>
        <translation>Добавить событие…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="144"/>
        <source>Add a manual event</source>
        <translation>Добавить событие вручную</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="177"/>
        <source>(none in this case)</source>
        <translation>(нет в этом деле)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="220"/>
        <source>Adding call findings to the timeline</source>
        <translation>Добавление результатов анализа звонков в хронологию</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="259"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="261"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 из %n события</numerusform>
            <numerusform>%1 из %n событий</numerusform>
            <numerusform>%1 из %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="280"/>
        <source>Range %1: %n event(s)</source>
        <translation>
            <numerusform>Интервал %1: %n событие</numerusform>
            <numerusform>Интервал %1: %n события</numerusform>
            <numerusform>Интервал %1: %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="380"/>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="380"/>
        <source>Delete the selected manual event?</source>
        <translation>Удалить выбранное событие?</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="401"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="402"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="407"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="408"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="412"/>
        <source>Add range to the dossier</source>
        <translation>Включить интервал в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="415"/>
        <source>Remove range from the dossier</source>
        <translation>Исключить интервал из досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="418"/>
        <source>Add event here…</source>
        <translation>Добавить событие здесь…</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../app/ui/timeline/tab.py" line="13"/>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
</context>
</TS>
