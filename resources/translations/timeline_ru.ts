<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="62"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="67"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="69"/>
        <source>Show it where it lives (Enter or double-click)</source>
        <translation>Показать в исходном разделе (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="71"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="74"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="92"/>
        <source>Select an event to see its details.</source>
        <translation>Выберите событие, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="97"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="98"/>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="101"/>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="102"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="104"/>
        <source>Uncertainty</source>
        <translation>Погрешность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="107"/>
        <source>Clock correction</source>
        <translation>Поправка часов</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="108"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="109"/>
        <source>Concerns</source>
        <translation>Касается</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="83"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="86"/>
        <source>Table (CSV)…</source>
        <translation>Таблица (CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="87"/>
        <source>Picture (PNG)…</source>
        <translation>Изображение (PNG)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="88"/>
        <source>Picture (SVG)…</source>
        <translation>Изображение (SVG)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="96"/>
        <source>CSV table (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="97"/>
        <source>PNG picture (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="98"/>
        <source>SVG picture (*.svg)</source>
        <translation>Изображение SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="102"/>
        <source>Export the timeline</source>
        <translation>Экспорт хронологии</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="122"/>
        <source>Exporting the timeline</source>
        <translation>Экспорт хронологии</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/export.py" line="131"/>
        <source>Case %1 · %2 – %3 · times in %4 · %n event(s) shown</source>
        <translation>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n событие</numerusform>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n события</numerusform>
            <numerusform>Дело %1 · %2 – %3 · время: %4 · показано %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="138"/>
        <source>filter: %1</source>
        <translation>фильтр: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="157"/>
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
        <location filename="../../app/ui/timeline/canvas.py" line="307"/>
        <source>%1: %n event(s) here</source>
        <translation>
            <numerusform>%1: здесь %n событие</numerusform>
            <numerusform>%1: здесь %n события</numerusform>
            <numerusform>%1: здесь %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/canvas.py" line="313"/>
        <source>Zoom in to see them one by one</source>
        <translation>Увеличьте масштаб, чтобы увидеть их по отдельности</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/canvas.py" line="315"/>
        <source>%n call(s) here</source>
        <translation>
            <numerusform>Здесь %n звонок</numerusform>
            <numerusform>Здесь %n звонка</numerusform>
            <numerusform>Здесь %n звонков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/canvas.py" line="322"/>
        <source>Double-click or zoom in to see them one by one</source>
        <translation>Дважды щёлкните или увеличьте масштаб, чтобы увидеть их по отдельности</translation>
    </message>
</context>
<context>
    <name>TimelineCommands</name>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="38"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="63"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="75"/>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="84"/>
        <source>Add to the dossier</source>
        <translation>Включить в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="86"/>
        <source>Remove from the dossier</source>
        <translation>Исключить из досье</translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="79"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="80"/>
        <source>Abusive language</source>
        <translation>Недопустимые выражения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="61"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="45"/>
        <location filename="../../app/ui/timeline/labels.py" line="55"/>
        <source>General</source>
        <translation>Общее</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="49"/>
        <source>Camera: %1</source>
        <translation>Камера: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="84"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="60"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="62"/>
        <source>Caller</source>
        <translation>Кто звонил</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="63"/>
        <source>Callee</source>
        <translation>Кому звонили</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="64"/>
        <source>Virtual number</source>
        <translation>Подменный номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="65"/>
        <source>Duration, s</source>
        <translation>Длительность, с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="66"/>
        <source>Answered</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="67"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="68"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="69"/>
        <source>Frame</source>
        <translation>Кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="70"/>
        <source>Camera clock</source>
        <translation>Часы камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="71"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="72"/>
        <source>Taken by</source>
        <translation>Кем получено</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="73"/>
        <source>Claim</source>
        <translation>Со слов</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="74"/>
        <source>Severity</source>
        <translation>Серьёзность</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="76"/>
        <source>Events</source>
        <translation>Событий</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="77"/>
        <source>Added by</source>
        <translation>Кем внесено</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="78"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="81"/>
        <source>Reported by</source>
        <translation>Кто сообщил</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="82"/>
        <source>Complaint from</source>
        <translation>Источник обращения</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="83"/>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="85"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="100"/>
        <source>Order %1: %2</source>
        <translation>Заказ %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="111"/>
        <source>Case %1 opened</source>
        <translation>Заведено дело %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="157"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="161"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="165"/>
        <source>%1 min %2 s</source>
        <translation>%1 мин %2 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="172"/>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="177"/>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="179"/>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="192"/>
        <source>Duration: %1</source>
        <translation>Длительность: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="198"/>
        <source>Uncertainty: ± %1</source>
        <translation>Погрешность: ± %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="205"/>
        <source>Clock corrected by %1</source>
        <translation>Поправка часов: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="210"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="215"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="119"/>
        <source>Lanes by party</source>
        <translation>Дорожки по участникам</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="120"/>
        <source>Lanes by source</source>
        <translation>Дорожки по источникам</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="124"/>
        <source>Kinds</source>
        <translation>Виды</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="125"/>
        <source>Parties</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="126"/>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="169"/>
        <source>Only in the dossier</source>
        <translation>Только включённые в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="139"/>
        <source>Search titles</source>
        <translation>Поиск по описанию</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="154"/>
        <source>Fit all</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="154"/>
        <source>Show the whole timeline (Home)</source>
        <translation>Показать всю хронологию (Home)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="157"/>
        <location filename="../../app/ui/timeline/panel.py" line="476"/>
        <source>Fit selection</source>
        <translation>По выделению</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="158"/>
        <source>Zoom to the selected event or Shift+drag range (F)</source>
        <translation>Масштаб по выбранному событию или интервалу Shift+перетаскивание (F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="161"/>
        <source>Add event…</source>
        <translation>Добавить событие…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="161"/>
        <source>Add a manual event</source>
        <translation>Добавить событие вручную</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="201"/>
        <source>(none in this case)</source>
        <translation>(нет в этом деле)</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="244"/>
        <source>Adding call findings to the timeline</source>
        <translation>Добавление результатов анализа звонков в хронологию</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="303"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="305"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 из %n события</numerusform>
            <numerusform>%1 из %n событий</numerusform>
            <numerusform>%1 из %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="308"/>
        <source>calls are filtered only where shown one by one: zoom in</source>
        <translation>звонки отбираются только там, где видны по отдельности: увеличьте масштаб</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="339"/>
        <source>Range %1: %n event(s)</source>
        <translation>
            <numerusform>Интервал %1: %n событие</numerusform>
            <numerusform>Интервал %1: %n события</numerusform>
            <numerusform>Интервал %1: %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="439"/>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="439"/>
        <source>Delete the selected manual event?</source>
        <translation>Удалить выбранное событие?</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="460"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="461"/>
        <source>In the dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="466"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="467"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="471"/>
        <source>Add range to the dossier</source>
        <translation>Включить интервал в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="474"/>
        <source>Remove range from the dossier</source>
        <translation>Исключить интервал из досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="477"/>
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
