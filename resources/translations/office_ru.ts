<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="40"/>
        <source>proposed</source>
        <translation>предложено</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="41"/>
        <source>approved</source>
        <translation>утверждено</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="42"/>
        <source>returned for more work</source>
        <translation>возвращено на доработку</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="55"/>
        <source>Decision on the case</source>
        <translation>Решение по делу</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="64"/>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="65"/>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="66"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="67"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="68"/>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="86"/>
        <source>What was established and on what evidence</source>
        <translation>Что установлено и на каких доказательствах</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="89"/>
        <source>Manager&apos;s comment (required to return)</source>
        <translation>Комментарий руководителя (обязателен при возврате)</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="91"/>
        <source>Measure:</source>
        <translation>Мера:</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="92"/>
        <source>Findings:</source>
        <translation>Выводы:</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="93"/>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="98"/>
        <source>&amp;Propose measure</source>
        <translation>&amp;Предложить меру</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="100"/>
        <source>&amp;Approve and close</source>
        <translation>&amp;Утвердить и закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="102"/>
        <source>&amp;Return with comment</source>
        <translation>&amp;Вернуть с комментарием</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="104"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/decision_dialog.py" line="133"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Status: &lt;b&gt;%3&lt;/b&gt; · Measure: &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Статус: &lt;b&gt;%3&lt;/b&gt; · Мера: &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>DestructionDialog</name>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="41"/>
        <source>Retention and destruction of personal data</source>
        <translation>Сроки хранения и уничтожение персональных данных</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="45"/>
        <source>Closed cases and the end of their retention period</source>
        <translation>Закрытые дела и окончание срока хранения</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="49"/>
        <location filename="../../app/ui/office/destruction_dialog.py" line="189"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="50"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="51"/>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="52"/>
        <source>Decided</source>
        <translation>Решение принято</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="53"/>
        <source>Keep until</source>
        <translation>Хранить до</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="54"/>
        <source>Due</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="54"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="65"/>
        <source>Destruction tasks</source>
        <translation>Задания на уничтожение</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="68"/>
        <source>Task</source>
        <translation>Задание</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="69"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="70"/>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="71"/>
        <source>Planned by</source>
        <translation>Подготовил</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="72"/>
        <source>Confirmed by</source>
        <translation>Подтвердил</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="73"/>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="87"/>
        <source>&amp;Plan destruction of due cases</source>
        <translation>&amp;Подготовить уничтожение дел с истёкшим сроком</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="89"/>
        <source>C&amp;onfirm task</source>
        <translation>П&amp;одтвердить задание</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="91"/>
        <source>Carry &amp;out task</source>
        <translation>&amp;Выполнить задание</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="93"/>
        <source>Save &amp;act…</source>
        <translation>Сохранить &amp;акт…</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="95"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="114"/>
        <source>planned, awaiting confirmation</source>
        <translation>подготовлено, ждёт подтверждения</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="115"/>
        <source>confirmed</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="116"/>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="154"/>
        <location filename="../../app/ui/office/destruction_dialog.py" line="166"/>
        <source>Select a task first.</source>
        <translation>Сначала выберите задание.</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="173"/>
        <source>Destroying personal data</source>
        <translation>Уничтожение персональных данных</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="179"/>
        <source>Select a task that has been carried out.</source>
        <translation>Выберите выполненное задание.</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="182"/>
        <source>Save the destruction act</source>
        <translation>Сохранение акта об уничтожении</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/destruction_dialog.py" line="194"/>
        <source>Writing the destruction act</source>
        <translation>Формирование акта об уничтожении</translation>
    </message>
</context>
<context>
    <name>EditingPresence</name>
    <message>
        <location filename="../../app/ui/office/presence.py" line="117"/>
        <source>Being edited elsewhere right now by %1: your changes may conflict.</source>
        <translation>Дело сейчас редактируют на другом рабочем месте: %1. Ваши изменения могут вступить в конфликт.</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../app/ui/office/live.py" line="52"/>
        <source>Office server: connecting…</source>
        <translation>Сервер отдела: подключение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/live.py" line="71"/>
        <source>Office server: connected as %1</source>
        <translation>Сервер отдела: подключено как %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/live.py" line="81"/>
        <source>Office server: connection lost, retrying… (%1)</source>
        <translation>Сервер отдела: связь потеряна, повторное подключение… (%1)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/office/login_dialog.py" line="24"/>
        <source>Log in to the office server</source>
        <translation>Вход на сервер отдела</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/login_dialog.py" line="28"/>
        <source>Casebook connects to the office server as your own account; the server decides which cases you see.</source>
        <translation>Casebook подключается к серверу отдела под вашей учётной записью; какие дела вам видны, решает сервер.</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/login_dialog.py" line="47"/>
        <source>Remember the password in the system key store</source>
        <translation>Запомнить пароль в системном хранилище ключей</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/login_dialog.py" line="48"/>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/login_dialog.py" line="49"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
</context>
<context>
    <name>OfficeMenu</name>
    <message>
        <location filename="../../app/ui/office/menu.py" line="36"/>
        <source>&amp;Decision…</source>
        <translation>&amp;Решение…</translation>
    </message>
    <message>
        <location filename="../../app/ui/office/menu.py" line="47"/>
        <source>&amp;Retention and destruction…</source>
        <translation>Сроки хранения и &amp;уничтожение…</translation>
    </message>
</context>
<context>
    <name>live</name>
    <message>
        <location filename="../../app/ui/office/live.py" line="132"/>
        <source>Case %1 was changed by %2; it has been reloaded</source>
        <translation>Дело %1 изменил пользователь %2; данные обновлены</translation>
    </message>
</context>
</TS>
