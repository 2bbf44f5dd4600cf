"""Never lose words: encrypted drafts for any form, for every app that lets people write.

What a person types is saved to the server every few seconds (sealed with their data key,
never in browser storage), survives a reload, a closed tab and an ended session, is never
silently overwritten by another tab, and a double click stores one record, not two.

How an app uses it (the journal is a full example: gezien.journal.views):

1. Register the kind of form once, in AppConfig.ready::

       from gezien.drafts import service as drafts
       drafts.register("story", fields={"text": _("My story")}, texts={"text"})

   `fields` maps field name -> label (or is a function name -> label/None); only these
   names are stored. `texts` are free-text fields, `lists` fields with several values,
   `hidden` fields that are stored but never shown (e.g. the version of a record being
   edited). See service.register.

2. In the view (GET), get the form's state and fill the form from a draft::

       state = drafts.form_state(request, "story:childhood", request.path, form.fields)
       form = StoryForm(initial={**defaults, **state.initial()})

   A form key is "<kind>:<name>", name of [a-z0-9-] (e.g. "journal:new",
   "journal:<uuid>", "story:childhood").

3. In the template: `{% include "drafts/script.html" %}` in the head block; inside the
   <form method="post">: `{% include "drafts/form_state.html" %}` (hidden fields and a
   "we filled in your draft" notice) and, near the submit button,
   `{% include "drafts/save_status.html" %}` (the role="status" line and a "Save draft"
   button that works without JavaScript). Optional: `{% include "drafts/discard.html" %}`
   after the form. Pass the state as `draft_state`.

4. On submit (POST), store the record once per form instance and drop the draft::

       target = drafts.submit_once(request, lambda: create_and_return_url(), draft=key)
       return redirect(target)

   Decorate the view with `@keep_words_on_expiry` (from gezien.drafts.pages) OUTSIDE
   `@account_required`, so a submit after the session ended keeps the text.

5. Editing an existing record from two tabs: keep a version number on the record; when
   the posted version is old, return `conflict_page(request, state.ref, mine, theirs,
   drafts.current_version(request, key))` (gezien.drafts.pages), which shows both
   versions and stores the person's choice as the draft.

Other functions: `load`, `save` (raises Conflict or TooLong), `discard`,
`current_version`, `submitted`, `prune` (the `gezien manage prunedrafts --days N`
command). Drafts are in the account export ("drafts") and are deleted with the account.
"""
