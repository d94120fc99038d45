<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>About</name>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>The licence texts are in {folder}.</source>
        <translation>Тексты лицензий находятся в {folder}.</translation>
    </message>
    <message>
        <source>The licence texts are in each package&apos;s installed metadata.</source>
        <translation>Тексты лицензий находятся в установленных метаданных каждого пакета.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Evidence Desk</source>
        <translation>О программе Evidence Desk</translation>
    </message>
    <message>
        <source>Offline review, tagging, redaction and export of sensitive document packages. Nothing leaves this computer unless you export it.</source>
        <translation>Автономный просмотр, разметка, затемнение и экспорт пакетов конфиденциальных документов. Ничто не покидает этот компьютер, пока вы сами это не экспортируете.</translation>
    </message>
    <message>
        <source>Licence: GNU Affero General Public License, version 3 or any later version ({spdx}).</source>
        <translation>Лицензия: GNU Affero General Public License версии 3 или любой более поздней версии ({spdx}).</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Стороннее программное обеспечение</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Текст лицензии</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Documents in the case</source>
        <translation>Документы дела</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Фильтр документов</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Фильтр по виду</translation>
    </message>
    <message>
        <source>Filter by review status</source>
        <translation>Фильтр по статусу проверки</translation>
    </message>
    <message>
        <source>Search the case</source>
        <translation>Поиск по делу</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Left document</source>
        <translation>Левый документ</translation>
    </message>
    <message>
        <source>Right document</source>
        <translation>Правый документ</translation>
    </message>
    <message>
        <source>{side}: pages</source>
        <translation>{side}: страницы</translation>
    </message>
    <message>
        <source>Find in the {side}</source>
        <translation>Найти в документе ({side})</translation>
    </message>
    <message>
        <source>{side}: page number</source>
        <translation>{side}: номер страницы</translation>
    </message>
    <message>
        <source>{side}: zoom</source>
        <translation>{side}: масштаб</translation>
    </message>
    <message>
        <source>Close the {side}</source>
        <translation>Закрыть: {side}</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>{place}: columns</source>
        <translation>{place}: столбцы</translation>
    </message>
    <message>
        <source>{place}: tabs</source>
        <translation>{place}: вкладки</translation>
    </message>
    <message>
        <source>Panel tabs</source>
        <translation>Вкладки панелей</translation>
    </message>
    <message>
        <source>{place}: list</source>
        <translation>{place}: список</translation>
    </message>
    <message>
        <source>{place}: choice</source>
        <translation>{place}: выбор</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <source>Checking {name}</source>
        <translation>Проверка {name}</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <source>Imported {name}: {docs} document(s) added</source>
        <translation>{name} импортирован: добавлено документов — {docs}</translation>
    </message>
    <message>
        <source>{n} conflict(s) resolved: {how}</source>
        <translation>Разрешено конфликтов — {n}: {how}</translation>
    </message>
    <message>
        <source>left unchanged</source>
        <translation>оставлено без изменений</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Пакет импортирован</translation>
    </message>
    <message>
        <source>The bundle, checked before the merge</source>
        <translation>Пакет, проверенный перед объединением</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <source>Filter by name, reference, sender…</source>
        <translation>Фильтр по имени, рег. номеру, отправителю…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Open on the &amp;left</source>
        <translation>Открыть с&amp;лева</translation>
    </message>
    <message>
        <source>Open on the &amp;right</source>
        <translation>Открыть с&amp;права</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Рег. номер</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Страниц</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>{n} failed redaction(s)</source>
        <translation>Неудачных затемнений: {n}</translation>
    </message>
    <message>
        <source>boxes drawn over text that can still be extracted</source>
        <translation>прямоугольники поверх текста, который всё ещё можно извлечь</translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <source>Open a case folder</source>
        <translation>Открыть папку дела</translation>
    </message>
    <message>
        <source>Give the case a name.</source>
        <translation>Дайте делу имя.</translation>
    </message>
    <message>
        <source>“{name}” cannot be a folder name.</source>
        <translation>«{name}» не может быть именем папки.</translation>
    </message>
    <message>
        <source>A case name cannot hold / \ : * ? &quot; &lt; &gt; | or control characters.</source>
        <translation>Имя дела не может содержать / \ : * ? &quot; &lt; &gt; | и управляющие символы.</translation>
    </message>
    <message>
        <source>The name is too long for a folder.</source>
        <translation>Имя слишком длинное для папки.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Папки {folder} не существует.</translation>
    </message>
    <message>
        <source>{path} is a file.</source>
        <translation>{path} — это файл.</translation>
    </message>
    <message>
        <source>{path} already exists and is not empty: choose another name, or open it with Case › Open Case….</source>
        <translation>{path} уже существует и не пуста: выберите другое имя или откройте её через Дело › Открыть дело….</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>e.g. Qaldara export permits</source>
        <translation>напр. экспортные разрешения Qaldara</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Encrypt this case (database and files; its passphrase is asked whenever it opens)</source>
        <translation>&amp;Зашифровать это дело (база данных и файлы; пароль спрашивается при каждом открытии)</translation>
    </message>
    <message>
        <source>Case &amp;name</source>
        <translation>&amp;Имя дела</translation>
    </message>
    <message>
        <source>&amp;In folder</source>
        <translation>В &amp;папке</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Ещё раз</translation>
    </message>
    <message>
        <source>&amp;Create Case</source>
        <translation>&amp;Создать дело</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters. Nobody can open the case without it, and it cannot be recovered.</source>
        <translation>Пароль должен содержать не меньше {n} символов. Без него дело не открыть никому, и восстановить его нельзя.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>The case will be the folder {path}</source>
        <translation>Делом станет папка {path}</translation>
    </message>
    <message>
        <source>The folder the new case goes in</source>
        <translation>Папка, в которой будет новое дело</translation>
    </message>
</context>
<context>
    <name>CaseMenu</name>
    <message>
        <source>No other recent cases</source>
        <translation>Других недавних дел нет</translation>
    </message>
    <message>
        <source>Evidence Desk — no case open</source>
        <translation>Evidence Desk — дело не открыто</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Дело не открыто.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>Импорт {name}</translation>
    </message>
    <message>
        <source>New: {what}.</source>
        <translation>Новое: {what}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>Changed only by the colleague, taken from the bundle: {what}.</source>
        <translation>Изменено только коллегой, взято из пакета: {what}.</translation>
    </message>
    <message>
        <source>{n} record(s) the same on both sides; the two audit logs share {fork} entries.</source>
        <translation>Одинаковых записей с обеих сторон — {n}; общих записей в двух журналах аудита — {fork}.</translation>
    </message>
    <message>
        <source>{n} record(s) were changed on both sides. Choose whose version to keep:</source>
        <translation>Записей, изменённых с обеих сторон, — {n}. Выберите, чью версию сохранить:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моя</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Их</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>Оставить &amp;мою</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>Взять &amp;их</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>Оставить &amp;обе</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Рег. номер</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Языки</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>e.g. rus+eng</source>
        <translation>напр. rus+eng</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Статус проверки</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Документ не открыт.</translation>
    </message>
    <message numerus="yes">
        <source>{file}
%n page(s), {media}, {size} bytes
SHA-256 {sha}</source>
        <translation>
            <numerusform>{file}
%n страница, {media}, {size} байт
SHA-256 {sha}</numerusform>
            <numerusform>{file}
%n страницы, {media}, {size} байт
SHA-256 {sha}</numerusform>
            <numerusform>{file}
%n страниц, {media}, {size} байт
SHA-256 {sha}</numerusform>
        </translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Сведения о документе</translation>
    </message>
</context>
<context>
    <name>DocumentScope</name>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>&amp;This document</source>
        <translation>&amp;Этот документ</translation>
    </message>
    <message>
        <source>&amp;Selected documents ({n})</source>
        <translation>&amp;Выбранные документы ({n})</translation>
    </message>
    <message>
        <source>&amp;All documents</source>
        <translation>В&amp;се документы</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Go to page</source>
        <translation>Перейти к странице</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Номер страницы</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Уменьшить (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Увеличить (Ctrl++)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Исходный размер</translation>
    </message>
    <message>
        <source>Rotate view 90° clockwise</source>
        <translation>Повернуть вид на 90° по часовой стрелке</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Найти в документе</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>This page has {n} failed redaction(s): a box drawn over text that can still be extracted (outlined in magenta). Tools › Redact Failed Redactions covers them for real.</source>
        <translation>На этой странице неудачных затемнений: {n} — прямоугольник поверх текста, который всё ещё можно извлечь (обведён пурпурным). Инструменты › Затемнить неудачные затемнения закрывает их по-настоящему.</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>найдено: {n}</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найдено</translation>
    </message>
    <message>
        <source>{i} of {n}</source>
        <translation>{i} из {n}</translation>
    </message>
</context>
<context>
    <name>EntityManager</name>
    <message>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <source>Filter by name or alias</source>
        <translation>Фильтр по имени или псевдониму</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Псевдонимы</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Упоминания</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <source>Choose an entity to see its mentions.</source>
        <translation>Выберите сущность, чтобы увидеть её упоминания.</translation>
    </message>
    <message>
        <source>&amp;Previous Mention</source>
        <translation>&amp;Предыдущее упоминание</translation>
    </message>
    <message>
        <source>&amp;Next Mention</source>
        <translation>&amp;Следующее упоминание</translation>
    </message>
    <message>
        <source>Add &amp;Alias…</source>
        <translation>Добавить &amp;псевдоним…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Пере&amp;именовать…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <source>&amp;Split…</source>
        <translation>&amp;Разделить…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} из {total}</translation>
    </message>
    <message>
        <source>{n} entities chosen.</source>
        <translation>Выбрано сущностей: {n}.</translation>
    </message>
    <message>
        <source>{file} — p. {page}</source>
        <translation>{file} — с. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message>
        <source>[suggested]</source>
        <translation>[предложено]</translation>
    </message>
    <message numerus="yes">
        <source>{name}: {tagged} tagged, {suggested} suggested, in %n document(s)</source>
        <translation>
            <numerusform>{name}: отмечено — {tagged}, предложено — {suggested}, в %n документе</numerusform>
            <numerusform>{name}: отмечено — {tagged}, предложено — {suggested}, в %n документах</numerusform>
            <numerusform>{name}: отмечено — {tagged}, предложено — {suggested}, в %n документах</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge {n} entities into “{name}”</source>
        <translation>Объединить сущности ({n}) в «{name}»</translation>
    </message>
    <message>
        <source>Add an alias</source>
        <translation>Добавить псевдоним</translation>
    </message>
    <message>
        <source>Another name for “{name}” (a language, script or spelling):</source>
        <translation>Другое имя для «{name}» (язык, письменность или написание):</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <source>New name (the old one stays an alias):</source>
        <translation>Новое имя (старое останется псевдонимом):</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>Объединить сущности</translation>
    </message>
    <message>
        <source>Keep this one (the others&apos; mentions and names move to it):</source>
        <translation>Оставить эту (упоминания и имена остальных перейдут к ней):</translation>
    </message>
    <message>
        <source>Delete entity</source>
        <translation>Удалить сущность</translation>
    </message>
    <message>
        <source>Delete “{name}” with its {n} mention(s) and its aliases? Undo brings it back.</source>
        <translation>Удалить «{name}» вместе с упоминаниями ({n}) и псевдонимами? Отмена вернёт их.</translation>
    </message>
</context>
<context>
    <name>EntityPickerDialog</name>
    <message>
        <source>Tag an entity</source>
        <translation>Отметить сущность</translation>
    </message>
    <message>
        <source>Type a name or alias (any language or script)</source>
        <translation>Введите имя или псевдоним (любой язык и письменность)</translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation>Выберите тип…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Отметить</translation>
    </message>
    <message>
        <source>Selected text</source>
        <translation>Выделенный текст</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <source>Type (new entity)</source>
        <translation>Тип (новая сущность)</translation>
    </message>
    <message>
        <source>Existing entities:</source>
        <translation>Существующие сущности:</translation>
    </message>
    <message>
        <source>(as “{alias}”)</source>
        <translation>(как «{alias}»)</translation>
    </message>
    <message>
        <source>Tags the existing entity “{name}”.</source>
        <translation>Отмечает существующую сущность «{name}».</translation>
    </message>
    <message>
        <source>No entity is called “{name}”: choose a type to create one, or pick an existing entity.</source>
        <translation>Сущности «{name}» нет: выберите тип, чтобы создать её, или выберите существующую.</translation>
    </message>
    <message>
        <source>Creates a new {type} “{name}”.</source>
        <translation>Создаёт новую сущность «{name}» ({type}).</translation>
    </message>
    <message>
        <source>Type a name, or pick an existing entity.</source>
        <translation>Введите имя или выберите существующую сущность.</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <source>Include suggested mentions</source>
        <translation>Включая предложенные упоминания</translation>
    </message>
    <message>
        <source>No entity chosen.</source>
        <translation>Сущность не выбрана.</translation>
    </message>
    <message numerus="yes">
        <source>{name} — {type} · %n mention(s)</source>
        <translation>
            <numerusform>{name} — {type} · %n упоминание</numerusform>
            <numerusform>{name} — {type} · %n упоминания</numerusform>
            <numerusform>{name} — {type} · %n упоминаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>в %n документе</numerusform>
            <numerusform>в %n документах</numerusform>
            <numerusform>в %n документах</numerusform>
        </translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation>Также: {names}</translation>
    </message>
    <message>
        <source>No other names.</source>
        <translation>Других имён нет.</translation>
    </message>
    <message>
        <source>{file} — p. {page}</source>
        <translation>{file} — с. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message>
        <source>[suggested]</source>
        <translation>[предложено]</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Sanitised &amp;PDF (redactions applied, verified before writing)</source>
        <translation>Очищенный &amp;PDF (затемнения применены, проверено перед записью)</translation>
    </message>
    <message>
        <source>&amp;Bundle: a verifiable, optionally signed .zip</source>
        <translation>&amp;Пакет: проверяемый .zip, по желанию подписанный</translation>
    </message>
    <message>
        <source>Sanitised PDFs (and, internal profile, the originals), annotations, entities, provenance, the audit log and an offline report</source>
        <translation>Очищенные PDF (во внутреннем профиле и оригиналы), аннотации, сущности, происхождение, журнал аудита и автономный отчёт</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Экспортировать как</translation>
    </message>
    <message>
        <source>&amp;Hide widths (bars of random width; lines laid out again)</source>
        <translation>&amp;Скрыть ширину (полосы случайной ширины; строки перекомпонованы)</translation>
    </message>
    <message>
        <source>&amp;Flatten: pages as pictures, text layer only outside redactions</source>
        <translation>&amp;Растрировать: страницы как изображения, текстовый слой только вне затемнений</translation>
    </message>
    <message>
        <source>Print the &amp;reason code on each box</source>
        <translation>Печатать &amp;код основания на каждом затемнении</translation>
    </message>
    <message>
        <source>Whiten printer &amp;tracking dots on colour scans</source>
        <translation>Забелить &amp;точки-метки принтера на цветных сканах</translation>
    </message>
    <message>
        <source>Publication: redacted files only, no source identity</source>
        <translation>Публикация: только затемнённые файлы, без личности источника</translation>
    </message>
    <message>
        <source>Internal: everything, the originals included</source>
        <translation>Внутренний: всё, включая оригиналы</translation>
    </message>
    <message>
        <source>Si&amp;gn with my key</source>
        <translation>По&amp;дписать моим ключом</translation>
    </message>
    <message>
        <source>the key&apos;s passphrase (used once, not stored)</source>
        <translation>парольная фраза ключа (используется один раз, не сохраняется)</translation>
    </message>
    <message>
        <source>Pro&amp;file</source>
        <translation>Про&amp;филь</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Ключ</translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation>Пароль&amp;ная фраза</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Об&amp;зор…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;Сохранить в</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Сохранить пакет как</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Пакеты (*.zip)</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>Сохранить PDF как</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Папка для PDF</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Выберите, куда сохранить экспорт.</translation>
    </message>
    <message>
        <source>Give the passphrase of the key to sign with.</source>
        <translation>Введите парольную фразу ключа для подписи.</translation>
    </message>
    <message>
        <source>Verifying the bundle</source>
        <translation>Проверка пакета</translation>
    </message>
    <message>
        <source>Exporting a bundle</source>
        <translation>Экспорт пакета</translation>
    </message>
    <message>
        <source>The case holds no documents to export.</source>
        <translation>В деле нет документов для экспорта.</translation>
    </message>
    <message>
        <source>Cannot create the folder {path} ({why}).</source>
        <translation>Не удаётся создать папку {path} ({why}).</translation>
    </message>
    <message>
        <source>Exporting {n} of {total}</source>
        <translation>Экспорт {n} из {total}</translation>
    </message>
    <message>
        <source>Exporting sanitised PDFs</source>
        <translation>Экспорт очищенных PDF</translation>
    </message>
    <message>
        <source>{name}: {pages} pages, {n} redactions applied</source>
        <translation>{name}: страниц — {pages}, применено затемнений — {n}</translation>
    </message>
    <message>
        <source>{n} of the applied redactions are still only proposed</source>
        <translation>Из применённых затемнений ещё только предложены: {n}</translation>
    </message>
    <message>
        <source>{n} sanitised PDF(s) written and verified.</source>
        <translation>Записано и проверено очищенных PDF: {n}.</translation>
    </message>
    <message>
        <source>{n} written and verified; {m} not written: {first}</source>
        <translation>Записано и проверено: {n}; не записано: {m}: {first}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <source>Export incomplete</source>
        <translation>Экспорт не завершён</translation>
    </message>
    <message>
        <source>{path}: {profile} profile, {docs} documents, {members} members, {size} bytes; audit log of {entries} entries</source>
        <translation>{path}: профиль «{profile}», документов — {docs}, файлов — {members}, {size} байт; записей в журнале аудита — {entries}</translation>
    </message>
    <message>
        <source>({n} withheld: they quote redacted or internal text)</source>
        <translation>(удержано: {n} — они цитируют затемнённый или внутренний текст)</translation>
    </message>
    <message>
        <source>Signed by key {fp}.</source>
        <translation>Подписано ключом {fp}.</translation>
    </message>
    <message>
        <source>Verification of the written bundle</source>
        <translation>Проверка записанного пакета</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Пакет экспортирован</translation>
    </message>
    <message>
        <source>Bundle exported, but it failed verification</source>
        <translation>Пакет экспортирован, но не прошёл проверку</translation>
    </message>
</context>
<context>
    <name>FailedRedactionsPreview</name>
    <message>
        <source>Redact failed redactions</source>
        <translation>Затемнить неудачные затемнения</translation>
    </message>
    <message>
        <source>{n} failed redaction(s) on page(s) {pages}: the text under these boxes can still be extracted. Redact covers each box for real.</source>
        <translation>Неудачных затемнений: {n}, страницы {pages}: текст под этими прямоугольниками всё ещё можно извлечь. «Затемнить» закрывает каждый по-настоящему.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Box (pt)</source>
        <translation>Прямоугольник (pt)</translation>
    </message>
    <message>
        <source>Text under it</source>
        <translation>Текст под ним</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Основание:</translation>
    </message>
    <message>
        <source>&amp;Redact {n}</source>
        <translation>&amp;Затемнить {n}</translation>
    </message>
</context>
<context>
    <name>FirstFrame</name>
    <message>
        <source>{name} — Evidence Desk</source>
        <translation>{name} — Evidence Desk</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Evidence Desk Guide</source>
        <translation>Руководство Evidence Desk</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Руководство</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
</context>
<context>
    <name>HitText</name>
    <message numerus="yes">
        <source>, %n line(s)</source>
        <translation>
            <numerusform>, %n строка</numerusform>
            <numerusform>, %n строки</numerusform>
            <numerusform>, %n строк</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Проверка парольной фразы…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>⚠ {n} failed redaction(s) in {d} document(s): boxes drawn over text that can still be extracted. They are outlined in the viewer; Tools › Redact Failed Redactions covers them.</source>
        <translation>⚠ Неудачных затемнений: {n}, документов: {d} — прямоугольники поверх текста, который всё ещё можно извлечь. Они обведены в просмотре; Инструменты › Затемнить неудачные затемнения закрывает их.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>; ⚠ {n} failed redaction(s)</source>
        <translation>; ⚠ неудачных затемнений: {n}</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>{title} — cancelling…</source>
        <translation>{title} — отмена…</translation>
    </message>
</context>
<context>
    <name>JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Отменить выполняемую задачу</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Cites</source>
        <translation>Ссылается на</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>Ссылаются на него</translation>
    </message>
    <message>
        <source>Other links</source>
        <translation>Другие связи</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Find citations by reference number</source>
        <translation>Найти ссылки по рег. номеру</translation>
    </message>
    <message>
        <source>Link documents whose pages cite another document&apos;s reference number</source>
        <translation>Связать документы, страницы которых ссылаются на рег. номер другого документа</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Документ не открыт.</translation>
    </message>
    <message>
        <source>Reference {ref}.</source>
        <translation>Рег. номер {ref}.</translation>
    </message>
    <message>
        <source>No reference number set.</source>
        <translation>Рег. номер не указан.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s); double-click one to open both side by side.</source>
        <translation>
            <numerusform>%n связь; двойной щелчок откроет оба документа рядом.</numerusform>
            <numerusform>%n связи; двойной щелчок откроет оба документа рядом.</numerusform>
            <numerusform>%n связей; двойной щелчок откроет оба документа рядом.</numerusform>
        </translation>
    </message>
    <message>
        <source>No links yet.</source>
        <translation>Связей пока нет.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This case is locked</source>
        <translation>Это дело заблокировано</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <source>Import PDFs and images into the case</source>
        <translation>Импортировать PDF и изображения в дело</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Импортировать &amp;папку…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Case</source>
        <translation>Открыть &amp;демонстрационное дело</translation>
    </message>
    <message>
        <source>Open the demo case (built first if need be)</source>
        <translation>Открыть демонстрационное дело (при необходимости сначала создаётся)</translation>
    </message>
    <message>
        <source>Clos&amp;e Case</source>
        <translation>&amp;Закрыть дело</translation>
    </message>
    <message>
        <source>Close this case (the window then offers new, open and recent cases)</source>
        <translation>Закрыть это дело (окно затем предложит новое, существующее или недавнее дело)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>&amp;Найти в документе…</translation>
    </message>
    <message>
        <source>&amp;Search the Case…</source>
        <translation>&amp;Поиск по делу…</translation>
    </message>
    <message>
        <source>Filter &amp;Documents</source>
        <translation>&amp;Фильтр документов</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Пара&amp;метры…</translation>
    </message>
    <message>
        <source>Author name, OCR languages, reason codes, language</source>
        <translation>Имя автора, языки распознавания, коды оснований, язык</translation>
    </message>
    <message>
        <source>Open on the &amp;Left</source>
        <translation>Открыть с&amp;лева</translation>
    </message>
    <message>
        <source>Open the selected document on the left</source>
        <translation>Открыть выбранный документ слева</translation>
    </message>
    <message>
        <source>Open on the &amp;Right</source>
        <translation>Открыть с&amp;права</translation>
    </message>
    <message>
        <source>Open the selected document on the right</source>
        <translation>Открыть выбранный документ справа</translation>
    </message>
    <message>
        <source>&amp;Swap Sides</source>
        <translation>По&amp;менять стороны</translation>
    </message>
    <message>
        <source>Swap the left and right documents</source>
        <translation>Поменять местами левый и правый документы</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>&amp;Закрыть документ</translation>
    </message>
    <message>
        <source>Switch to the Other &amp;Viewer</source>
        <translation>Перейти к другому &amp;окну просмотра</translation>
    </message>
    <message>
        <source>&amp;Linked Scrolling</source>
        <translation>Связанная п&amp;рокрутка</translation>
    </message>
    <message>
        <source>Scroll both documents together</source>
        <translation>Прокручивать оба документа вместе</translation>
    </message>
    <message>
        <source>Single &amp;Viewer</source>
        <translation>&amp;Один документ</translation>
    </message>
    <message>
        <source>Show one document at a time (small screens)</source>
        <translation>Показывать по одному документу (малые экраны)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>По &amp;ширине</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>&amp;Страница целиком</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <source>&amp;Rotate View</source>
        <translation>П&amp;овернуть вид</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>С&amp;ледующая страница</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>Пр&amp;едыдущая страница</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>Перейти к с&amp;транице…</translation>
    </message>
    <message>
        <source>Page &amp;Thumbnails</source>
        <translation>&amp;Миниатюры страниц</translation>
    </message>
    <message>
        <source>Show a strip of page thumbnails beside each document</source>
        <translation>Показывать полосу миниатюр страниц рядом с каждым документом</translation>
    </message>
    <message>
        <source>&amp;Dark Mode</source>
        <translation>&amp;Тёмная тема</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>Сбросить &amp;расположение</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>&amp;Выделение</translation>
    </message>
    <message>
        <source>Select text; a menu offers tag, redact or note</source>
        <translation>Выделить текст; меню предложит отметку, затемнение или заметку</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Отметка</translation>
    </message>
    <message>
        <source>Select words to tag an entity (B: drag a box instead)</source>
        <translation>Выделите слова, чтобы отметить сущность (B: обвести рамку)</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Затемнение</translation>
    </message>
    <message>
        <source>Select words to propose a redaction (B: drag a box instead)</source>
        <translation>Выделите слова, чтобы предложить затемнение (B: обвести рамку)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>З&amp;аметка</translation>
    </message>
    <message>
        <source>Drag a box to add a note on a region</source>
        <translation>Обведите рамку, чтобы добавить заметку к области</translation>
    </message>
    <message>
        <source>Select by &amp;Box</source>
        <translation>Выделение &amp;рамкой</translation>
    </message>
    <message>
        <source>Drag a box instead of selecting words (for scans and figures)</source>
        <translation>Обводить рамку вместо выделения слов (для сканов и рисунков)</translation>
    </message>
    <message>
        <source>T&amp;ag Selection…</source>
        <translation>От&amp;метить выделенное…</translation>
    </message>
    <message>
        <source>Tag the selected words, or the current find hit, as an entity</source>
        <translation>Отметить выделенные слова или текущее совпадение поиска как сущность</translation>
    </message>
    <message>
        <source>Redact Se&amp;lection…</source>
        <translation>Затемнить в&amp;ыделенное…</translation>
    </message>
    <message>
        <source>Propose a redaction of the selected words, or of the current find hit</source>
        <translation>Предложить затемнение выделенных слов или текущего совпадения поиска</translation>
    </message>
    <message>
        <source>Note on this &amp;Page…</source>
        <translation>Заметка к этой &amp;странице…</translation>
    </message>
    <message>
        <source>Note on the &amp;Document…</source>
        <translation>Заметка к &amp;документу…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Руководство</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;Welcome Screen</source>
        <translation>&amp;Экран приветствия</translation>
    </message>
    <message>
        <source>&amp;About Evidence Desk</source>
        <translation>&amp;О программе Evidence Desk</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>П&amp;анели</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Инструменты</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель инструментов</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>◧ Left</source>
        <translation>◧ Слева</translation>
    </message>
    <message>
        <source>Right ◨</source>
        <translation>Справа ◨</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ Поменять</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Один</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ширина</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>▭ Box</source>
        <translation>▭ Рамка</translation>
    </message>
    <message>
        <source>{name} — Evidence Desk</source>
        <translation>{name} — Evidence Desk</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [только чтение]</translation>
    </message>
    <message>
        <source>Tool: select (text)</source>
        <translation>Инструмент: выделение (текст)</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Перейти к странице</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Страница:</translation>
    </message>
    <message>
        <source>left</source>
        <translation>слева</translation>
    </message>
    <message>
        <source>right</source>
        <translation>справа</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Нет документа</translation>
    </message>
    <message>
        <source>{side}: {title} · p. {page}</source>
        <translation>{side}: {title} · с. {page}</translation>
    </message>
    <message>
        <source>{title}: cancelled</source>
        <translation>{title}: отменено</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;All files (*)</source>
        <translation>Документы (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <source>Open a document first: failed redactions are fixed one document at a time.</source>
        <translation>Сначала откройте документ: неудачные затемнения исправляются по одному документу.</translation>
    </message>
    <message>
        <source>Redact failed redactions</source>
        <translation>Затемнить неудачные затемнения</translation>
    </message>
    <message>
        <source>This document has no failed redactions (no box over text that can be extracted).</source>
        <translation>В этом документе нет неудачных затемнений (нет прямоугольников поверх извлекаемого текста).</translation>
    </message>
</context>
<context>
    <name>MentionsTab</name>
    <message>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Press T and drag a box (or select text) in a viewer to tag an entity.</source>
        <translation>Нажмите T и обведите рамку (или выделите текст), чтобы отметить сущность.</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Документ не открыт.</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n упоминание</numerusform>
            <numerusform>%n упоминания</numerusform>
            <numerusform>%n упоминаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n entity(s)</source>
        <translation>
            <numerusform>— %n сущность</numerusform>
            <numerusform>— %n сущности</numerusform>
            <numerusform>— %n сущностей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tag(s)</source>
        <translation>
            <numerusform>Снять %n отметку</numerusform>
            <numerusform>Снять %n отметки</numerusform>
            <numerusform>Снять %n отметок</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>This &amp;region</source>
        <translation>Эта &amp;область</translation>
    </message>
    <message>
        <source>This &amp;page</source>
        <translation>Эта &amp;страница</translation>
    </message>
    <message>
        <source>The whole &amp;document</source>
        <translation>Весь &amp;документ</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>What should a colleague know here? (Ctrl+Enter adds the note)</source>
        <translation>Что здесь следует знать коллеге? (Ctrl+Enter добавляет заметку)</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Текст заметки</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>&amp;Добавить заметку</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Page note…</source>
        <translation>Заметка к странице…</translation>
    </message>
    <message>
        <source>Document note…</source>
        <translation>Заметка к документу…</translation>
    </message>
    <message>
        <source>Add a note on the page shown</source>
        <translation>Добавить заметку к показанной странице</translation>
    </message>
    <message>
        <source>Add a note on the whole document</source>
        <translation>Добавить заметку ко всему документу</translation>
    </message>
    <message>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>с. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Удалить заметку</translation>
    </message>
</context>
<context>
    <name>OccurrenceSearch</name>
    <message>
        <source>Finding every occurrence of “{text}”</source>
        <translation>Поиск всех вхождений «{text}»</translation>
    </message>
    <message>
        <source>Redact every occurrence of “{text}”</source>
        <translation>Затемнить все вхождения «{text}»</translation>
    </message>
    <message>
        <source>Redact every occurrence</source>
        <translation>Затемнить все вхождения</translation>
    </message>
    <message>
        <source>Text to redact everywhere:</source>
        <translation>Текст, который нужно затемнить везде:</translation>
    </message>
</context>
<context>
    <name>OcrDialog</name>
    <message>
        <source>OCR</source>
        <translation>Распознавание (OCR)</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>Языки распознавания</translation>
    </message>
    <message>
        <source>Read &amp;every page again, replacing its text (otherwise only pages without usable text)</source>
        <translation>Распознать &amp;каждую страницу заново, заменив текст (иначе только страницы без пригодного текста)</translation>
    </message>
    <message>
        <source>Asking Tesseract for its languages…</source>
        <translation>Запрос языков у Tesseract…</translation>
    </message>
    <message>
        <source>&amp;Start OCR</source>
        <translation>&amp;Начать распознавание</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Языки</translation>
    </message>
    <message>
        <source>{n} languages installed.</source>
        <translation>Установлено языков: {n}.</translation>
    </message>
    <message>
        <source>OCR is not available: {why}</source>
        <translation>Распознавание недоступно: {why}</translation>
    </message>
    <message>
        <source>Choose at least one language.</source>
        <translation>Выберите хотя бы один язык.</translation>
    </message>
    <message>
        <source>OCR ({langs})</source>
        <translation>Распознавание ({langs})</translation>
    </message>
    <message>
        <source>OCR: {done} of {total} pages read</source>
        <translation>Распознавание: прочитано {done} из {total} страниц</translation>
    </message>
    <message>
        <source>(mean confidence {c:.0f})</source>
        <translation>(средняя уверенность {c:.0f})</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>с ошибкой: {n}</translation>
    </message>
</context>
<context>
    <name>OcrResumeOffer</name>
    <message numerus="yes">
        <source>Resume OCR (%n page(s))</source>
        <translation>
            <numerusform>Продолжить распознавание (%n страница)</numerusform>
            <numerusform>Продолжить распознавание (%n страницы)</numerusform>
            <numerusform>Продолжить распознавание (%n страниц)</numerusform>
        </translation>
    </message>
    <message>
        <source>OCR was interrupted before it finished; run the remaining pages now</source>
        <translation>Распознавание было прервано; распознать оставшиеся страницы сейчас</translation>
    </message>
    <message>
        <source>Resuming interrupted OCR</source>
        <translation>Продолжение прерванного распознавания</translation>
    </message>
</context>
<context>
    <name>PageItem</name>
    <message>
        <source>Page {page} cannot be shown</source>
        <translation>Страницу {page} невозможно показать</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Упоминания</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Происхождение</translation>
    </message>
    <message>
        <source>Redactions</source>
        <translation>Затемнения</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted case</source>
        <translation>Зашифрованное дело</translation>
    </message>
    <message>
        <source>The case “%1” is encrypted. Enter its passphrase:</source>
        <translation>Дело «%1» зашифровано. Введите его парольную фразу:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Проверка парольной фразы…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Неверная парольная фраза. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password-protected PDF</source>
        <translation>PDF, защищённый паролем</translation>
    </message>
    <message>
        <source>The password was wrong. Enter the password of {name}:</source>
        <translation>Неверный пароль. Введите пароль для {name}:</translation>
    </message>
    <message>
        <source>{name} is password-protected. Enter its password to import it:</source>
        <translation>{name} защищён паролем. Введите пароль, чтобы импортировать его:</translation>
    </message>
    <message>
        <source>The password is used for this import only and is not stored.</source>
        <translation>Пароль используется только для этого импорта и не сохраняется.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Provenance of {name}</source>
        <translation>Происхождение: {name}</translation>
    </message>
    <message>
        <source>code name, e.g. SOURCE-KESTREL (never the identity)</source>
        <translation>кодовое имя, напр. SOURCE-KESTREL (никогда не личность)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTчч:мм</translation>
    </message>
    <message>
        <source>how it came: in person, Signal, post, SecureDrop…</source>
        <translation>как получено: лично, Signal, почтой, SecureDrop…</translation>
    </message>
    <message>
        <source>— not given</source>
        <translation>— не указано</translation>
    </message>
    <message>
        <source>why the status is what it is</source>
        <translation>почему статус именно такой</translation>
    </message>
    <message>
        <source>to or from whom</source>
        <translation>кому или от кого</translation>
    </message>
    <message>
        <source>what happened, e.g. copied to the encrypted archive</source>
        <translation>что произошло, напр. скопировано в зашифрованный архив</translation>
    </message>
    <message>
        <source>Source and receipt</source>
        <translation>Источник и получение</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Источник</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>&amp;Получено</translation>
    </message>
    <message>
        <source>Received &amp;by</source>
        <translation>&amp;Кем получено</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Способ</translation>
    </message>
    <message>
        <source>&amp;Verification</source>
        <translation>П&amp;роверка</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>&amp;Достоверность</translation>
    </message>
    <message>
        <source>Reas&amp;oning</source>
        <translation>&amp;Обоснование</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>&amp;Заметки</translation>
    </message>
    <message>
        <source>Add a custody event (optional)</source>
        <translation>Добавить событие цепочки хранения (необязательно)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Co&amp;unterpart</source>
        <translation>&amp;Контрагент</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>&amp;Что произошло</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Записать</translation>
    </message>
    <message>
        <source>A recorded source or date cannot be emptied here; correct it instead.</source>
        <translation>Записанный источник или дату здесь нельзя очистить; исправьте их.</translation>
    </message>
</context>
<context>
    <name>ProvenanceTab</name>
    <message>
        <source>&amp;Edit Provenance…</source>
        <translation>&amp;Изменить происхождение…</translation>
    </message>
    <message>
        <source>Add Custody &amp;Event…</source>
        <translation>Добавить &amp;событие хранения…</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Документ не открыт.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation>— не записано</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Кем получено</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Обоснование</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>{at} by {who}</source>
        <translation>{at}, {who}</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>Read-only: {why}. Tagging, redaction, notes, import and undo are switched off.</source>
        <translation>Только чтение: {why}. Отметки, затемнение, заметки, импорт и отмена отключены.</translation>
    </message>
    <message>
        <source>Read-only case</source>
        <translation>Дело только для чтения</translation>
    </message>
    <message>
        <source>Not available: the case is open read-only</source>
        <translation>Недоступно: дело открыто только для чтения</translation>
    </message>
</context>
<context>
    <name>ReasonCodesEditor</name>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Your reason codes</source>
        <translation>Ваши коды оснований</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Row {row}: a reason code is 1–32 letters, digits, “-” or “_”.</source>
        <translation>Строка {row}: код основания — от 1 до 32 букв, цифр, «-» или «_».</translation>
    </message>
    <message>
        <source>The reason code “{code}” is listed twice.</source>
        <translation>Код основания «{code}» указан дважды.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Propose a redaction</source>
        <translation>Предложить затемнение</translation>
    </message>
    <message>
        <source>Optional: why, for the reviewer</source>
        <translation>Необязательно: почему — для проверяющего</translation>
    </message>
    <message>
        <source>new code, e.g. source_identity</source>
        <translation>новый код, напр. source_identity</translation>
    </message>
    <message>
        <source>what it means</source>
        <translation>что он означает</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Затемнить</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Новое основание</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Предложить</translation>
    </message>
    <message>
        <source>The redaction is proposed; a reviewer approves or rejects it. Export applies every redaction that was not rejected.</source>
        <translation>Затемнение предлагается; проверяющий утверждает или отклоняет его. Экспорт применяет каждое неотклонённое затемнение.</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Код основания</translation>
    </message>
</context>
<context>
    <name>RedactionPreviewDialog</name>
    <message>
        <source>Redact every occurrence</source>
        <translation>Затемнить все вхождения</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation>
            <numerusform>в %n документе.</numerusform>
            <numerusform>в %n документах.</numerusform>
            <numerusform>в %n документах.</numerusform>
        </translation>
    </message>
    <message>
        <source>Untick what must stay visible; nothing is marked until you confirm.</source>
        <translation>Снимите отметку с того, что должно остаться видимым; ничего не отмечается до подтверждения.</translation>
    </message>
    <message>
        <source>optional note kept with each redaction</source>
        <translation>необязательная заметка к каждому затемнению</translation>
    </message>
    <message>
        <source>Record as approved (otherwise proposed for review)</source>
        <translation>Записать как утверждённые (иначе предложены на проверку)</translation>
    </message>
    <message>
        <source>Redact selected</source>
        <translation>Затемнить выбранные</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Redact every occurrence of the entity “{query}”</source>
        <translation>Затемнить все вхождения сущности «{query}»</translation>
    </message>
    <message>
        <source>Redact every occurrence of the pattern “{query}”</source>
        <translation>Затемнить все вхождения шаблона «{query}»</translation>
    </message>
    <message>
        <source>Redact every occurrence of the text “{query}”</source>
        <translation>Затемнить все вхождения текста «{query}»</translation>
    </message>
    <message>
        <source>{file} — page {page}</source>
        <translation>{file} — страница {page}</translation>
    </message>
</context>
<context>
    <name>RedactionsTab</name>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Утвердить</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n затемнение</numerusform>
            <numerusform>%n затемнения</numerusform>
            <numerusform>%n затемнений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation>
            <numerusform>%n предложено</numerusform>
            <numerusform>%n предложено</numerusform>
            <numerusform>%n предложено</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeSwitch</name>
    <message>
        <source>This page</source>
        <translation>Эта страница</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>Весь документ</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search text in all documents (words, &quot;phrases&quot;, prefix*, -not)</source>
        <translation>Поиск текста во всех документах (слова, &quot;фразы&quot;, начало*, -исключить)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>p. {page}: {snippet}</source>
        <translation>с. {page}: {snippet}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>в %n документе</numerusform>
            <numerusform>в %n документах</numerusform>
            <numerusform>в %n документах</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Совпадений нет</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Creating the encrypted case {path}…</source>
        <translation>Создаётся зашифрованное дело {path}…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Default: {name}</source>
        <translation>По умолчанию: {name}</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Имя автора</translation>
    </message>
    <message>
        <source>Default OCR languages</source>
        <translation>Языки распознавания по умолчанию</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Блокировка при бездействии</translation>
    </message>
    <message>
        <source>Publication: redacted files only, no source identities</source>
        <translation>Публикация: только затемнённые файлы, без личностей источников</translation>
    </message>
    <message>
        <source>Internal: with the originals, for the team</source>
        <translation>Внутренний: с оригиналами, для команды</translation>
    </message>
    <message>
        <source>Default export profile</source>
        <translation>Профиль экспорта по умолчанию</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Цветовая схема</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Имя &amp;автора:</translation>
    </message>
    <message>
        <source>Signs your notes, redactions and every entry of the audit log.</source>
        <translation>Подписывает ваши заметки, затемнения и каждую запись журнала аудита.</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>Языки &amp;распознавания:</translation>
    </message>
    <message>
        <source>&amp;Reason codes:</source>
        <translation>&amp;Коды оснований:</translation>
    </message>
    <message>
        <source>Your own redaction reasons, added to each case you open, besides the built-in ones.</source>
        <translation>Ваши собственные основания затемнения; добавляются к каждому открываемому делу в дополнение к встроенным.</translation>
    </message>
    <message>
        <source>&amp;Idle lock:</source>
        <translation>&amp;Блокировка при бездействии:</translation>
    </message>
    <message>
        <source>&amp;Export profile:</source>
        <translation>Профиль &amp;экспорта:</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Язык интерфейса:</translation>
    </message>
    <message>
        <source>A new language applies when Evidence Desk starts again.</source>
        <translation>Новый язык вступит в силу при следующем запуске Evidence Desk.</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Цвета:</translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation>Хранится в {path}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>OCR languages are Tesseract codes joined by “+”, e.g. rus+eng+deu.</source>
        <translation>Языки распознавания — коды Tesseract через «+», напр. rus+eng+deu.</translation>
    </message>
    <message>
        <source>Tesseract is not installed: scans cannot be read until it is.</source>
        <translation>Tesseract не установлен: сканы не могут быть распознаны, пока он не установлен.</translation>
    </message>
    <message>
        <source>Installed: {languages}</source>
        <translation>Установлены: {languages}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Filter by command or key</source>
        <translation>Фильтр по команде или клавише</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Фильтр сочетаний клавиш</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Сочетание</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split “{name}”</source>
        <translation>Разделить «{name}»</translation>
    </message>
    <message>
        <source>the new entity&apos;s name</source>
        <translation>имя новой сущности</translation>
    </message>
    <message>
        <source>{file} — p. {page}: {quote}</source>
        <translation>{file} — с. {page}: {quote}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(область)</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>&amp;Новое имя</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>Mentions that name the new entity:</source>
        <translation>Упоминания, относящиеся к новой сущности:</translation>
    </message>
    <message>
        <source>Aliases that belong to the new entity:</source>
        <translation>Псевдонимы, принадлежащие новой сущности:</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Разделить</translation>
    </message>
    <message>
        <source>Give the new entity a name.</source>
        <translation>Дайте новой сущности имя.</translation>
    </message>
    <message>
        <source>Choose the mentions or aliases the new entity takes.</source>
        <translation>Выберите упоминания или псевдонимы, которые перейдут к новой сущности.</translation>
    </message>
</context>
<context>
    <name>SuggestionReview</name>
    <message>
        <source>Review Suggestions</source>
        <translation>Проверка предложений</translation>
    </message>
    <message>
        <source>&amp;This document</source>
        <translation>&amp;Этот документ</translation>
    </message>
    <message>
        <source>The whole &amp;case</source>
        <translation>Всё &amp;дело</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>known entities</source>
        <translation>известные сущности</translation>
    </message>
    <message>
        <source>new names</source>
        <translation>новые имена</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>даты</translation>
    </message>
    <message>
        <source>amounts</source>
        <translation>суммы</translation>
    </message>
    <message>
        <source>reference numbers</source>
        <translation>рег. номера</translation>
    </message>
    <message>
        <source>document details</source>
        <translation>сведения о документе</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Entity or field</source>
        <translation>Сущность или поле</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>&amp;Accept Selected</source>
        <translation>&amp;Принять выбранные</translation>
    </message>
    <message>
        <source>&amp;Reject Selected</source>
        <translation>&amp;Отклонить выбранные</translation>
    </message>
    <message>
        <source>Accept A&amp;ll Shown</source>
        <translation>Принять &amp;все показанные</translation>
    </message>
    <message>
        <source>Reject All S&amp;hown</source>
        <translation>Отклонить все &amp;показанные</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ожидает</numerusform>
            <numerusform>%n ожидают</numerusform>
            <numerusform>%n ожидают</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamRefresh</name>
    <message>
        <source>{authors} changed the case</source>
        <translation>{authors}: дело изменено</translation>
    </message>
    <message>
        <source>{author} {changes}</source>
        <translation>{author}: {changes}</translation>
    </message>
    <message numerus="yes">
        <source>tagged %n page(s)</source>
        <translation>
            <numerusform>отмечена %n страница</numerusform>
            <numerusform>отмечены %n страницы</numerusform>
            <numerusform>отмечено %n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n note(s)</source>
        <translation>
            <numerusform>добавлена %n заметка</numerusform>
            <numerusform>добавлены %n заметки</numerusform>
            <numerusform>добавлено %n заметок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redacted %n page(s)</source>
        <translation>
            <numerusform>затемнена %n страница</numerusform>
            <numerusform>затемнены %n страницы</numerusform>
            <numerusform>затемнено %n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reviewed %n mark(s)</source>
        <translation>
            <numerusform>проверена %n отметка</numerusform>
            <numerusform>проверены %n отметки</numerusform>
            <numerusform>проверено %n отметок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>edited %n entity(s)</source>
        <translation>
            <numerusform>изменена %n сущность</numerusform>
            <numerusform>изменены %n сущности</numerusform>
            <numerusform>изменено %n сущностей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>undid %n change(s)</source>
        <translation>
            <numerusform>отменено %n изменение</numerusform>
            <numerusform>отменены %n изменения</numerusform>
            <numerusform>отменено %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redid %n change(s)</source>
        <translation>
            <numerusform>возвращено %n изменение</numerusform>
            <numerusform>возвращены %n изменения</numerusform>
            <numerusform>возвращено %n изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n document(s)</source>
        <translation>
            <numerusform>импортирован %n документ</numerusform>
            <numerusform>импортированы %n документа</numerusform>
            <numerusform>импортировано %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read %n page(s) with OCR</source>
        <translation>
            <numerusform>распознана %n страница</numerusform>
            <numerusform>распознаны %n страницы</numerusform>
            <numerusform>распознано %n страниц</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>made %n change(s)</source>
        <translation>
            <numerusform>внесено %n изменение</numerusform>
            <numerusform>внесены %n изменения</numerusform>
            <numerusform>внесено %n изменений</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>letter</source>
        <translation>письмо</translation>
    </message>
    <message>
        <source>diplomatic note</source>
        <translation>вербальная нота</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>договор</translation>
    </message>
    <message>
        <source>export permit</source>
        <translation>экспортная лицензия</translation>
    </message>
    <message>
        <source>end-user certificate</source>
        <translation>сертификат конечного пользователя</translation>
    </message>
    <message>
        <source>report</source>
        <translation>отчёт</translation>
    </message>
    <message>
        <source>other</source>
        <translation>прочее</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>на проверке</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>проверен</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>помечен</translation>
    </message>
    <message>
        <source>person</source>
        <translation>лицо</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <source>state body</source>
        <translation>госорган</translation>
    </message>
    <message>
        <source>place</source>
        <translation>место</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>оборудование</translation>
    </message>
    <message>
        <source>permit</source>
        <translation>разрешение</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>банковский счёт</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>сумма</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>рег. номер</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>предложено</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>утверждено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>найдено автоматически</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>cites</source>
        <translation>ссылается на</translation>
    </message>
    <message>
        <source>replies to</source>
        <translation>отвечает на</translation>
    </message>
    <message>
        <source>pays for</source>
        <translation>оплачивает</translation>
    </message>
    <message>
        <source>ships under</source>
        <translation>поставка по</translation>
    </message>
    <message>
        <source>supplies</source>
        <translation>поставляет</translation>
    </message>
    <message>
        <source>pays</source>
        <translation>платит</translation>
    </message>
    <message>
        <source>signs for</source>
        <translation>подписывает за</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>не проверено</translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation>подтверждено</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>подлинность установлена</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>оспаривается</translation>
    </message>
    <message>
        <source>received</source>
        <translation>получено</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>скопировано</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>передано</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>disclosed</source>
        <translation>раскрыто</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>публикация</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>внутренний</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {page}</source>
        <translation>Страница {page}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Date in text</source>
        <translation>Дата в тексте</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Хранение</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Сущность:</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Все сущности</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>в %n документе</numerusform>
            <numerusform>в %n документах</numerusform>
            <numerusform>в %n документах</numerusform>
        </translation>
    </message>
    <message>
        <source>No dated documents or events yet.</source>
        <translation>Датированных документов и событий пока нет.</translation>
    </message>
</context>
<context>
    <name>ToolController</name>
    <message>
        <source>The case is open read-only: it cannot be changed from this window</source>
        <translation>Дело открыто только для чтения: его нельзя изменить из этого окна</translation>
    </message>
    <message>
        <source>Tool: select (text)</source>
        <translation>Инструмент: выделение (текст)</translation>
    </message>
    <message>
        <source>Tool: select (box)</source>
        <translation>Инструмент: выделение (рамка)</translation>
    </message>
    <message>
        <source>Tool: tag (text)</source>
        <translation>Инструмент: отметка (текст)</translation>
    </message>
    <message>
        <source>Tool: tag (box)</source>
        <translation>Инструмент: отметка (рамка)</translation>
    </message>
    <message>
        <source>Tool: redact (text)</source>
        <translation>Инструмент: затемнение (текст)</translation>
    </message>
    <message>
        <source>Tool: redact (box)</source>
        <translation>Инструмент: затемнение (рамка)</translation>
    </message>
    <message>
        <source>Tool: note (text)</source>
        <translation>Инструмент: заметка (текст)</translation>
    </message>
    <message>
        <source>Tool: note (box)</source>
        <translation>Инструмент: заметка (рамка)</translation>
    </message>
    <message>
        <source>Select words first (drag, or find them with Ctrl+F and Enter)</source>
        <translation>Сначала выделите слова (протяните мышью или найдите через Ctrl+F и Enter)</translation>
    </message>
    <message>
        <source>&amp;Tag an entity…</source>
        <translation>&amp;Отметить сущность…</translation>
    </message>
    <message>
        <source>Propose a &amp;redaction…</source>
        <translation>Предложить &amp;затемнение…</translation>
    </message>
    <message>
        <source>Add a &amp;note…</source>
        <translation>Добавить з&amp;аметку…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>&amp;Копировать текст</translation>
    </message>
    <message>
        <source>{what}: done</source>
        <translation>{what}: готово</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>internal error ({kind}: {exc})</source>
        <translation>внутренняя ошибка ({kind}: {exc})</translation>
    </message>
</context>
<context>
    <name>VerificationReport</name>
    <message>
        <source>No removed text anywhere in the file: page text, objects, strings, names, fonts and streams, checked with PyMuPDF and {parser} ({secrets} strings, as ASCII, hex, UTF-16 and PDFDocEncoding, look-alike letters folded)</source>
        <translation>Удалённого текста нет нигде в файле: текст страниц, объекты, строки, имена, шрифты и потоки проверены PyMuPDF и {parser} ({secrets} строк, в ASCII, hex, UTF-16 и PDFDocEncoding, похожие буквы сведены)</translation>
    </message>
    <message>
        <source>Every glyph outside the boxes is still on its line, in order</source>
        <translation>Каждый глиф вне прямоугольников остался на своей строке, в прежнем порядке</translation>
    </message>
    <message>
        <source>Every glyph outside the boxes is still on its line, in order, at its place</source>
        <translation>Каждый глиф вне прямоугольников остался на своей строке, в прежнем порядке, на своём месте</translation>
    </message>
    <message>
        <source>No font outline or Type3 procedure that no text uses; {boxes} boxes render solid; no metadata, annotations or attachments; {revisions} revision</source>
        <translation>Нет контуров шрифта и процедур Type3, которые не использует текст; {boxes} прямоугольников закрашены сплошь; нет метаданных, аннотаций и вложений; ревизий: {revisions}</translation>
    </message>
    <message>
        <source>Width hiding: {bars} bar(s) of random width (3–12 em, whatever they replace), {lines} line(s) laid out again; bar/text width {low}–{high}</source>
        <translation>Ширина скрыта: полос случайной ширины: {bars} (3–12 em, что бы они ни заменяли), строк заново свёрстано: {lines}; ширина полосы/текста {low}–{high}</translation>
    </message>
    <message>
        <source>Width hiding: on (no line lost text, so no bar was needed)</source>
        <translation>Скрытие ширины: включено (ни одна строка не потеряла текст, полосы не понадобились)</translation>
    </message>
    <message>
        <source>Width hiding: off (the gaps and boxes show the removed text&apos;s width)</source>
        <translation>Скрытие ширины: выключено (пробелы и прямоугольники показывают ширину удалённого текста)</translation>
    </message>
    <message>
        <source>Audit chain: {n} entries, every hash linked to the one before</source>
        <translation>Цепочка журнала: записей: {n}, каждый хеш связан с предыдущим</translation>
    </message>
    <message>
        <source>Audit anchor: {n} entries, matches the chain&apos;s head</source>
        <translation>Якорь журнала: записей: {n}, совпадает с вершиной цепочки</translation>
    </message>
    <message>
        <source>Audit log replayed against the records: {entries} entries, {records} records, {unexplained} the log does not explain</source>
        <translation>Журнал воспроизведён по записям: записей журнала: {entries}, записей данных: {records}, не объяснено журналом: {unexplained}</translation>
    </message>
    <message>
        <source>Originals: {n} files, each matching its SHA-256</source>
        <translation>Оригиналы: файлов: {n}, каждый совпадает со своим SHA-256</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>Документы: {n}</translation>
    </message>
    <message>
        <source>Bundle: {members} members, {payload} payload files checked against the manifests ({profile} profile)</source>
        <translation>Пакет: элементов: {members}, файлов данных проверено по манифестам: {payload} (профиль {profile})</translation>
    </message>
    <message>
        <source>Signature: valid, key {fp}</source>
        <translation>Подпись: верна, ключ {fp}</translation>
    </message>
    <message>
        <source>Signature: none (the bundle is not signed)</source>
        <translation>Подпись: нет (пакет не подписан)</translation>
    </message>
    <message>
        <source>Redacted PDFs: {n} checked for leaks</source>
        <translation>Отредактированные PDF: {n} проверено на утечки</translation>
    </message>
    <message>
        <source>PDF: {pages} pages, {revisions} revision; no metadata, annotations, form fields, attachments, scripts or black boxes over live text</source>
        <translation>PDF: страниц: {pages}, ревизий: {revisions}; нет метаданных, аннотаций, полей форм, вложений, скриптов и чёрных прямоугольников поверх живого текста</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>Что не прошло</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>Что проверено</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>This &amp;case: audit chain and anchor, originals&apos; hashes, database</source>
        <translation>Это &amp;дело: цепочка аудита и якорь, хеши оригиналов, база данных</translation>
    </message>
    <message>
        <source>An exported &amp;PDF: leak and structure checks</source>
        <translation>Экспортированный &amp;PDF: проверки утечек и структуры</translation>
    </message>
    <message>
        <source>A &amp;bundle: checksums, signature, audit chain, its PDFs</source>
        <translation>&amp;Пакет: контрольные суммы, подпись, цепочка аудита, его PDF</translation>
    </message>
    <message>
        <source>the file to check</source>
        <translation>файл для проверки</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Об&amp;зор…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Проверить</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Пакеты (*.zip)</translation>
    </message>
    <message>
        <source>File to verify</source>
        <translation>Файл для проверки</translation>
    </message>
    <message>
        <source>Choose the file to verify.</source>
        <translation>Выберите файл для проверки.</translation>
    </message>
    <message>
        <source>Verifying the case</source>
        <translation>Проверка дела</translation>
    </message>
    <message>
        <source>Verifying a PDF</source>
        <translation>Проверка PDF</translation>
    </message>
    <message>
        <source>Verifying a bundle</source>
        <translation>Проверка пакета</translation>
    </message>
    <message>
        <source>Nothing failed.</source>
        <translation>Ошибок не найдено.</translation>
    </message>
    <message>
        <source>{n} warning(s).</source>
        <translation>Предупреждений: {n}.</translation>
    </message>
    <message>
        <source>{n} problem(s) found: {first}</source>
        <translation>Найдено проблем: {n}: {first}</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Проверка не пройдена</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>Failed redaction: the text under this box can still be extracted (“{text}”)</source>
        <translation>Неудачное затемнение: текст под этим прямоугольником всё ещё можно извлечь («{text}»)</translation>
    </message>
</context>
<context>
    <name>ViewerSlot</name>
    <message>
        <source>No document</source>
        <translation>Нет документа</translation>
    </message>
    <message>
        <source>Close this document</source>
        <translation>Закрыть этот документ</translation>
    </message>
    <message>
        <source>Double-click a document in the case browser,
or drag it here, to open it on this side</source>
        <translation>Дважды щёлкните документ в обзоре дела
или перетащите его сюда, чтобы открыть на этой стороне</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>страница {page}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Building the demo case</source>
        <translation>Создание демонстрационного дела</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Welcome to Evidence Desk</source>
        <translation>Добро пожаловать в Evidence Desk</translation>
    </message>
    <message>
        <source>Read a package of documents side by side, mark who and what each page names, black out what must not leave this computer and hand on a verifiable bundle. Start with one of these:</source>
        <translation>Читайте пакет документов бок о бок, отмечайте, кого и что называет каждая страница, затемняйте то, что не должно покинуть этот компьютер, и передавайте проверяемый пакет. Начните с одного из шагов:</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Case</source>
        <translation>Открыть &amp;демонстрационное дело</translation>
    </message>
    <message>
        <source>Sixteen specimen letters, notes verbales, invoices and permits, already tagged</source>
        <translation>Шестнадцать образцов писем, вербальных нот, счетов и разрешений, уже размеченных</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <source>An empty case in a folder you choose</source>
        <translation>Пустое дело в выбранной вами папке</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>&amp;Открыть дело…</translation>
    </message>
    <message>
        <source>A case folder made before</source>
        <translation>Ранее созданная папка дела</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <source>Add PDFs and images to the case open now</source>
        <translation>Добавить PDF и изображения в открытое дело</translation>
    </message>
    <message>
        <source>Show the &amp;Documents</source>
        <translation>Показать &amp;документы</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Недавние дела</translation>
    </message>
    <message>
        <source>What is stored where</source>
        <translation>Что где хранится</translation>
    </message>
    <message>
        <source>No other recent cases</source>
        <translation>Других недавних дел нет</translation>
    </message>
    <message>
        <source>This case is the folder {case}: its database (case.sqlite), the imported files exactly as received (originals/) and a cache that can be deleted (cache/). Copy the folder to move the case.
Your settings (author name, OCR languages, reason codes, language) are in {settings}, shared with the command line.
The demo case is built in {demo}.</source>
        <translation>Это дело — папка {case}: его база данных (case.sqlite), импортированные файлы в точности как получены (originals/) и кэш, который можно удалить (cache/). Чтобы перенести дело, скопируйте папку.
Ваши параметры (имя автора, языки распознавания, коды оснований, язык) хранятся в {settings} и общие с командной строкой.
Демонстрационное дело создаётся в {demo}.</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Проверить…</translation>
    </message>
    <message>
        <source>&amp;Entities…</source>
        <translation>&amp;Сущности…</translation>
    </message>
    <message>
        <source>Review &amp;Suggestions…</source>
        <translation>Проверить &amp;предложения…</translation>
    </message>
    <message>
        <source>&amp;Provenance and Custody…</source>
        <translation>&amp;Происхождение и хранение…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>Д&amp;окумент</translation>
    </message>
    <message>
        <source>&amp;OCR…</source>
        <translation>&amp;Распознавание (OCR)…</translation>
    </message>
    <message>
        <source>Import &amp;Bundle…</source>
        <translation>Импортировать &amp;пакет…</translation>
    </message>
    <message>
        <source>Redact Every &amp;Occurrence…</source>
        <translation>Затемнить &amp;все вхождения…</translation>
    </message>
    <message>
        <source>Redact &amp;Failed Redactions in This Document…</source>
        <translation>Затемнить &amp;неудачные затемнения в этом документе…</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <source>internal error ({kind}: {exc})</source>
        <translation>внутренняя ошибка ({kind}: {exc})</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Import a bundle</source>
        <translation>Импортировать пакет</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Пакеты (*.zip)</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Сначала откройте документ.</translation>
    </message>
</context>
</TS>
