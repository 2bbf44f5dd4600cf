from gezien.vault.records import SealedRecord


class QuestionnaireResult(SealedRecord):
    """One filled-in questionnaire. The questionnaire's id and version, the answers, the
    scores and when it was filled in are all inside the sealed content: the clear columns
    say only whose record it is and when the row was written."""

    KIND = "questionnaire-result"
