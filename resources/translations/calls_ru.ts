<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>CallFilterBar</name>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="33"/>
        <source>Number digits</source>
        <translation>Цифры номера</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="34"/>
        <source>Any run of digits of a number, e.g. 4567 or 916123</source>
        <translation>Любые идущие подряд цифры номера, например 4567 или 916123</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="44"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="48"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="54"/>
        <source>Any direction</source>
        <translation>Любое направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="57"/>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="63"/>
        <source>Order number</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="67"/>
        <source>Any party</source>
        <translation>Любой участник</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/filter_bar.py" line="73"/>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="22"/>
        <source>Start time</source>
        <translation>Время начала</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="23"/>
        <source>End time</source>
        <translation>Время окончания</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="24"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="25"/>
        <source>Caller</source>
        <translation>Кто звонил</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="26"/>
        <source>Callee</source>
        <translation>Кому звонили</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="27"/>
        <source>Virtual number</source>
        <translation>Виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="28"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="29"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="30"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="31"/>
        <source>Call ID</source>
        <translation>ID звонка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="33"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="34"/>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="35"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="36"/>
        <source>Slot from</source>
        <translation>Слот с</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="37"/>
        <source>Slot to</source>
        <translation>Слот до</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="38"/>
        <source>Assigned at</source>
        <translation>Назначен</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="39"/>
        <source>Picked up at</source>
        <translation>Забран курьером</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="40"/>
        <source>Delivered at</source>
        <translation>Доставлен</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="41"/>
        <source>Cancelled at</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="42"/>
        <source>Status event</source>
        <translation>Событие заказа</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="43"/>
        <source>Event time</source>
        <translation>Время события</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="47"/>
        <source>Impossible date or time</source>
        <translation>Несуществующая дата или время</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="48"/>
        <source>No start time</source>
        <translation>Нет времени начала</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="49"/>
        <source>Caller number is empty</source>
        <translation>Пустой номер звонящего</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="50"/>
        <source>Callee number is empty</source>
        <translation>Пустой номер вызываемого</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="51"/>
        <source>Duration is not a number</source>
        <translation>Длительность — не число</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="52"/>
        <source>Row has too few cells</source>
        <translation>В строке не хватает ячеек</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/labels.py" line="53"/>
        <source>Neither incoming nor outgoing</source>
        <translation>Не указано, входящий или исходящий</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="78"/>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="79"/>
        <source>Talk time</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="80"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="81"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="82"/>
        <source>Caller</source>
        <translation>Кто звонил</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="83"/>
        <source>Callee</source>
        <translation>Кому звонили</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="84"/>
        <source>Virtual number</source>
        <translation>Виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="85"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="86"/>
        <source>Source line</source>
        <translation>Строка файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="139"/>
        <source>Import batch %1, line %2 of the file</source>
        <translation>Загрузка %1, строка %2 файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="144"/>
        <source>Time zone: %1</source>
        <translation>Часовой пояс: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/call_model.py" line="146"/>
        <source>Masked. Use Reveal… to see the full number (audited).</source>
        <translation>Номер скрыт. «Показать номера…» откроет его (с записью в журнал аудита).</translation>
    </message>
</context>
<context>
    <name>CallsTab</name>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="57"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="88"/>
        <source>Import call log…</source>
        <translation>Загрузить детализацию…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="91"/>
        <source>Import orders…</source>
        <translation>Загрузить заказы…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="94"/>
        <source>Orders and their status events: the detectors need the delivery times</source>
        <translation>Заказы и их события: для поиска признаков нужно время доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="97"/>
        <location filename="../../app/ui/calls/tab.py" line="417"/>
        <source>Reveal numbers…</source>
        <translation>Показать номера…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="100"/>
        <source>Show the full numbers of the selected calls (asks for a reason, audited)</source>
        <translation>Показать полные номера выбранных звонков (нужна причина, запись в журнал аудита)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="113"/>
        <source>Show all calls</source>
        <translation>Показать все звонки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="148"/>
        <source>Numbers</source>
        <translation>Номера</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="149"/>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="169"/>
        <source>The complainant&apos;s contacts. Line width: number of calls; red: at least one call not through a virtual number; orange: the courier.</source>
        <translation>Контакты заявителя. Толщина линии — число звонков; красная — хотя бы один звонок не через виртуальный номер; оранжевый — курьер.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="264"/>
        <source>%Ln call(s) shown, counting the rest…</source>
        <translation>
            <numerusform>Показан %Ln звонок, остальные подсчитываются…</numerusform>
            <numerusform>Показаны %Ln звонка, остальные подсчитываются…</numerusform>
            <numerusform>Показаны %Ln звонков, остальные подсчитываются…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="292"/>
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln звонок</numerusform>
            <numerusform>%Ln звонка</numerusform>
            <numerusform>%Ln звонков</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="399"/>
        <source>the numbers of %Ln call(s)</source>
        <translation>
            <numerusform>номера %Ln звонка</numerusform>
            <numerusform>номера %Ln звонков</numerusform>
            <numerusform>номера %Ln звонков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="421"/>
        <source>Calls of order %1</source>
        <translation>Звонки по заказу %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/tab.py" line="329"/>
        <source>Calls of the finding “%1”</source>
        <translation>Звонки по признаку «%1»</translation>
    </message>
</context>
<context>
    <name>ContactChart</name>
    <message>
        <location filename="../../app/ui/calls/contact_chart.py" line="92"/>
        <source>Too many calls to chart.</source>
        <translation>Слишком много звонков для схемы.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/contact_chart.py" line="94"/>
        <source>Add the complainant to the case to see her contacts.</source>
        <translation>Добавьте заявителя в дело, чтобы увидеть её контакты.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/contact_chart.py" line="96"/>
        <source>No calls of the complainant yet.</source>
        <translation>Звонков заявителя пока нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/contact_chart.py" line="105"/>
        <source>%n other number(s)</source>
        <translation>
            <numerusform>ещё %n номер</numerusform>
            <numerusform>ещё %n номера</numerusform>
            <numerusform>ещё %n номеров</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="66"/>
        <source>Analyze</source>
        <translation>Анализировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="69"/>
        <source>Thresholds…</source>
        <translation>Пороги…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="83"/>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="83"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="83"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="96"/>
        <source>Select a finding to read its explanation.</source>
        <translation>Выберите признак, чтобы прочитать пояснение.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/findings_panel.py" line="112"/>
        <source>%Ln calls: press Analyze to run the detectors.</source>
        <translation>
            <numerusform>%Ln звонок: нажмите «Анализировать», чтобы найти признаки.</numerusform>
            <numerusform>%Ln звонка: нажмите «Анализировать», чтобы найти признаки.</numerusform>
            <numerusform>%Ln звонков: нажмите «Анализировать», чтобы найти признаки.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="124"/>
        <source>Analyzing…</source>
        <translation>Анализ…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="131"/>
        <source>Analyzing the calls</source>
        <translation>Анализ звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="144"/>
        <source>Analysis stopped.</source>
        <translation>Анализ остановлен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="148"/>
        <source>Analysis failed.</source>
        <translation>Анализ не удался.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/findings_panel.py" line="176"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n признак</numerusform>
            <numerusform>%n признака</numerusform>
            <numerusform>%n признаков</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="187"/>
        <source>No findings: neither the complainant&apos;s nor the courier&apos;s phone number is known. Add them to the parties, or link numbers in the Numbers list.</source>
        <translation>Признаков нет: неизвестны номера телефонов ни заявителя, ни курьера. Добавьте их участникам дела или привяжите номера в списке «Номера».</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="192"/>
        <source>No findings: the complainant&apos;s phone number is not known, so calls to her cannot be found. Add it to the party, or link it in the Numbers list.</source>
        <translation>Признаков нет: неизвестен номер заявителя, поэтому звонки ей найти нельзя. Добавьте номер участнику или привяжите его в списке «Номера».</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="197"/>
        <source>No findings: the courier&apos;s phone number is not known, so his contacts with the complainant cannot be found. Add it to the party, or link it in the Numbers list.</source>
        <translation>Признаков нет: неизвестен номер курьера, поэтому его контакты с заявителем найти нельзя. Добавьте номер участнику или привяжите его в списке «Номера».</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/findings_panel.py" line="201"/>
        <source>No misuse pattern found with the current thresholds.</source>
        <translation>При текущих порогах признаков нарушения не найдено.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="66"/>
        <source>Import a call log</source>
        <translation>Загрузка детализации звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="100"/>
        <source>CSV or XLSX export of the call platform: choose it, or type or paste its path</source>
        <translation>Выгрузка платформы звонков в CSV или XLSX: выберите файл или введите (вставьте) путь к нему</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="110"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="115"/>
        <source>Delete preset</source>
        <translation>Удалить шаблон</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="121"/>
        <source>Preset</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="127"/>
        <location filename="../../app/ui/calls/import_dialog.py" line="369"/>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="131"/>
        <source>First row is a header</source>
        <translation>Первая строка — заголовок</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="131"/>
        <source>No header row</source>
        <translation>Без заголовка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="135"/>
        <source>Day first (31/12)</source>
        <translation>Сначала день (31/12)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="135"/>
        <source>Month first (12/31)</source>
        <translation>Сначала месяц (12/31)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="138"/>
        <source>Encoding</source>
        <translation>Кодировка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="139"/>
        <source>Delimiter</source>
        <translation>Разделитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="140"/>
        <source>Header</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="141"/>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="146"/>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="155"/>
        <source>I checked the columns in the preview: they are right</source>
        <translation>Я проверил столбцы в предпросмотре: они верны</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="163"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="167"/>
        <source>As the file or preset says</source>
        <translation>Как указано в файле или шаблоне</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="176"/>
        <source>Time zone of the file</source>
        <translation>Часовой пояс файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="195"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="203"/>
        <source>Save as preset…</source>
        <translation>Сохранить как шаблон…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="214"/>
        <source>Stop import</source>
        <translation>Остановить загрузку</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="219"/>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="224"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="236"/>
        <source>Detect automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="238"/>
        <source> (mine)</source>
        <translation> (мой)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="102"/>
        <source>Choose a call log</source>
        <translation>Выбор детализации звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="103"/>
        <source>Call logs (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Детализации (*.csv *.txt *.tsv *.xlsx);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="326"/>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="37"/>
        <source>%1% sure</source>
        <translation>уверенность %1%</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="39"/>
        <source>Preset “%1”</source>
        <translation>Шаблон «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="41"/>
        <source>As you mapped them</source>
        <translation>Как вы их сопоставили</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="44"/>
        <source>Recognized by their layout as “%1”</source>
        <translation>Распознаны по расположению как «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="46"/>
        <source>Recognized by their names as “%1”</source>
        <translation>Распознаны по названиям как «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="48"/>
        <source>Recognized as “%1”</source>
        <translation>Распознаны как «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="51"/>
        <source>Found by their names</source>
        <translation>Найдены по названиям</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="53"/>
        <source>Found by their names and their content</source>
        <translation>Найдены по названиям и содержимому</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="55"/>
        <source>Guessed from what the columns hold</source>
        <translation>Угаданы по содержимому столбцов</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="58"/>
        <source>no column found for: %1</source>
        <translation>не найден столбец для: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="61"/>
        <source>check the mapping before importing</source>
        <translation>проверьте соответствие перед загрузкой</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="360"/>
        <source>This file cannot be read as a table: %1</source>
        <translation>Файл не читается как таблица: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="367"/>
        <source>Excel workbook</source>
        <translation>книга Excel</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="371"/>
        <source>CSV, encoding %1, delimiter “%2”</source>
        <translation>CSV, кодировка %1, разделитель «%2»</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="375"/>
        <source>header row</source>
        <translation>с заголовком</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="375"/>
        <source>no header row</source>
        <translation>без заголовка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/import_dialog.py" line="376"/>
        <source>Read as: %1, %2, %n column(s)</source>
        <translation>
            <numerusform>Прочитано как: %1, %2, %n столбец</numerusform>
            <numerusform>Прочитано как: %1, %2, %n столбца</numerusform>
            <numerusform>Прочитано как: %1, %2, %n столбцов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="379"/>
        <source>times in %1</source>
        <translation>время в поясе %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="17"/>
        <source>The file does not say in which time zone its times are written. Choose the zone of the file above (the call platform&apos;s zone, often Moscow time).</source>
        <translation>В файле не указано, в каком часовом поясе записано время. Выберите пояс файла выше (пояс платформы звонков, часто московское время).</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="23"/>
        <source>Check the column mapping: %1</source>
        <translation>Проверьте соответствие столбцов: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_texts.py" line="26"/>
        <source>The dates read day-first and month-first alike (such as 04/05/2020). Choose the order of the dates above.</source>
        <translation>Даты читаются и как «день/месяц», и как «месяц/день» (например, 04/05/2020). Выберите порядок даты выше.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_presets.py" line="40"/>
        <source>Save as preset</source>
        <translation>Сохранить как шаблон</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_presets.py" line="41"/>
        <source>Name of the preset:</source>
        <translation>Название шаблона:</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_presets.py" line="84"/>
        <source>Preset “%1” deleted.</source>
        <translation>Шаблон «%1» удалён.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_presets.py" line="92"/>
        <source>Preset “%1” saved.</source>
        <translation>Шаблон «%1» сохранён.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="399"/>
        <source>Importing…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="406"/>
        <source>Importing %1</source>
        <translation>Загрузка %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="422"/>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="435"/>
        <source>Import stopped: nothing was imported.</source>
        <translation>Загрузка остановлена: ничего не загружено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="446"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_dialog.py" line="457"/>
        <source>This file was already imported into this case; importing it again would add nothing.</source>
        <translation>Этот файл уже загружен в дело; повторная загрузка ничего не добавит.</translation>
    </message>
</context>
<context>
    <name>ImportResultView</name>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="40"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="40"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="40"/>
        <source>Value in the file</source>
        <translation>Значение в файле</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="50"/>
        <source>Save report…</source>
        <translation>Сохранить отчёт…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="60"/>
        <source>%1 imported.</source>
        <translation>%1 загружен.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="61"/>
        <source>New calls: %1</source>
        <translation>Новых звонков: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="62"/>
        <source>Already in the case (skipped): %1</source>
        <translation>Уже были в деле (пропущены): %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="63"/>
        <source>Rejected rows: %1</source>
        <translation>Отклонено строк: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="66"/>
        <source>Times read in the zone %1</source>
        <translation>Время прочитано в поясе %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="79"/>
        <source>Save the rejected rows</source>
        <translation>Сохранить отклонённые строки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_result.py" line="81"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="37"/>
        <source>Link a number to a party</source>
        <translation>Привязать номер к участнику</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="39"/>
        <source>Whose number is %1?</source>
        <translation>Чей номер %1?</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="48"/>
        <source>Link</source>
        <translation>Привязать</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../app/ui/calls/mapping_editor.py" line="48"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/mapping_editor.py" line="48"/>
        <source>Column in the file</source>
        <translation>Столбец файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/mapping_editor.py" line="55"/>
        <source>Required</source>
        <translation>Обязательное поле</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/mapping_editor.py" line="74"/>
        <source>— not in the file —</source>
        <translation>— нет в файле —</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/mapping_editor.py" line="80"/>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
</context>
<context>
    <name>NumberSummaryModel</name>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="58"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="59"/>
        <source>Party</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="60"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="61"/>
        <source>First contact</source>
        <translation>Первый контакт</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="62"/>
        <source>Last contact</source>
        <translation>Последний контакт</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="63"/>
        <source>Talk time</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/number_model.py" line="83"/>
        <source>A virtual (masking) number of the call platform</source>
        <translation>Виртуальный (подменный) номер платформы звонков</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="69"/>
        <source>Link to party…</source>
        <translation>Привязать к участнику…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="72"/>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/numbers_panel.py" line="125"/>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/numbers_panel.py" line="137"/>
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln номер</numerusform>
            <numerusform>%Ln номера</numerusform>
            <numerusform>%Ln номеров</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersImportDialog</name>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="52"/>
        <source>Import orders</source>
        <translation>Загрузка заказов</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="68"/>
        <source>CSV or XLSX export of the orders: choose it, or type or paste its path</source>
        <translation>Выгрузка заказов в CSV или XLSX: выберите файл или введите (вставьте) путь к нему</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="78"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="81"/>
        <source>Detect automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="85"/>
        <source>Preset</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="95"/>
        <source>Time zone of the file</source>
        <translation>Часовой пояс файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="108"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="108"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="108"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="108"/>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="109"/>
        <source>Status events</source>
        <translation>События заказа</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="127"/>
        <source>Import</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="131"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="70"/>
        <source>Choose an order export</source>
        <translation>Выбор выгрузки заказов</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="71"/>
        <source>Order exports (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>Выгрузки заказов (*.csv *.txt *.tsv *.xlsx);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/orders_dialog.py" line="180"/>
        <source>%n column(s); times in %1</source>
        <translation>
            <numerusform>%n столбец; время в поясе %1</numerusform>
            <numerusform>%n столбца; время в поясе %1</numerusform>
            <numerusform>%n столбцов; время в поясе %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="198"/>
        <source>Check the column mapping: %1</source>
        <translation>Проверьте соответствие столбцов: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="222"/>
        <source>Importing…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="227"/>
        <source>Importing %1</source>
        <translation>Загрузка %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="238"/>
        <source>Import stopped: nothing was imported.</source>
        <translation>Загрузка остановлена: ничего не загружено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="246"/>
        <source>Orders created: %1, updated: %2; status events added: %3; rows rejected: %4.</source>
        <translation>Заказов создано: %1, обновлено: %2; добавлено событий: %3; отклонено строк: %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="254"/>
        <source>No party of the case is called %1.</source>
        <translation>Среди участников дела нет: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/orders_dialog.py" line="257"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>PreviewTables</name>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="49"/>
        <source>Rows as they will import</source>
        <translation>Строки, как они загрузятся</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="50"/>
        <source>Rows as in the file</source>
        <translation>Строки, как в файле</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="52"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="53"/>
        <source>Start (%1)</source>
        <translation>Начало (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="54"/>
        <source>Talk time</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="55"/>
        <source>Caller</source>
        <translation>Кто звонил</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="56"/>
        <source>Callee</source>
        <translation>Кому звонили</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="57"/>
        <source>Virtual number</source>
        <translation>Виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="58"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="59"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="60"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/import_preview.py" line="97"/>
        <source>Rejected — %1</source>
        <translation>Отклонена — %1</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="43"/>
        <source>Detector thresholds of this case</source>
        <translation>Пороги признаков для этого дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="47"/>
        <source>Grace after delivery, minutes</source>
        <translation>Допуск после доставки, мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="48"/>
        <source>“Many numbers”: at least this many numbers</source>
        <translation>«Разные номера»: не меньше номеров</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="49"/>
        <source>… within this many hours after a courier contact</source>
        <translation>… в течение часов после контакта с курьером</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="50"/>
        <source>Night starts at (hour)</source>
        <translation>Ночь начинается в (час)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="51"/>
        <source>Night ends at (hour)</source>
        <translation>Ночь заканчивается в (час)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="52"/>
        <source>Burst: at least this many calls to one number</source>
        <translation>Серия: не меньше звонков на один номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="53"/>
        <source>… within this many minutes</source>
        <translation>… в течение минут</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="65"/>
        <source>One number per line, e.g. +7 495 000-00-00</source>
        <translation>По одному номеру в строке, например +7 495 000-00-00</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="68"/>
        <source>Company lines (never misuse)</source>
        <translation>Номера компании (не нарушение)</translation>
    </message>
    <message>
        <location filename="../../app/ui/calls/thresholds_dialog.py" line="93"/>
        <source>The night cannot start at the hour it ends.</source>
        <translation>Ночь не может начинаться в тот же час, когда заканчивается.</translation>
    </message>
</context>
</TS>
