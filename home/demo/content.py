"""The demo site, page by page, in the words of the seed text.

Every sentence of ``serious-case-reviews.txt`` is here, in the field it belongs
to. Headings the seed lacks but a page outline needs ("What did we learn?",
"Recommendations") come from the review template, not from here.

References are resolved when the pages are built: ``doc:key`` is a document
from DOCUMENTS, ``page:path`` a page by its slug path under the home page, and
``theme:slug`` a learning theme from THEMES, and ``panel:name`` a contact panel
from ``contact_panels.py`` (the seed's "Child abuse or neglect" numbers and the
Safeguarding Unit's enquiries line).

The seed gives no publication dates. The dates below are illustrative, chosen
to agree with what the seed does say (the Board handed over to the Partnership
in June 2019; the national analysis covers incidents up to March 2014).
"""

from __future__ import annotations

import datetime as dt
import uuid

SITE_NAME = "Stockport Safeguarding Children Partnership"

DOCUMENTS = {
    "arrangements": "Stockport Safeguarding Children Partnership (SSCP) arrangements",
    "referral-form": "Case review referral form",
    "safe-sleep-briefing": "7 minute briefing on safe sleep",
    "baby-m-report": "Baby M serious case review",
}

# (slug, name, description)
THEMES = [
    ("safe-sleep", "Safe sleep", "Safe sleeping for babies, and the risks of sharing a bed or sofa with a baby."),
    (
        "alcohol-and-substance-misuse",
        "Alcohol and substance misuse",
        "How a parent's or carer's drinking or drug use affects the care of a child.",
    ),
    ("information-sharing", "Information sharing", "Agencies telling each other what they know about a family."),
    (
        "discharge-planning",
        "Discharge planning",
        "Planning a child's move from hospital to home with the practitioners who will support the family.",
    ),
    ("supporting-parents", "Supporting parents", "Help for parents caring for a child with additional needs."),
    ("neglect", "Neglect", "When a child's basic needs are persistently not met."),
    ("domestic-abuse", "Domestic abuse", "Abuse between adults in a family, and its effect on children."),
    ("looked-after-children", "Looked-after children", "Children in the care of the local authority."),
]


# Fixed, so the same seed always gives the same list-item ids.
ITEM_NAMESPACE = uuid.UUID("0b8e6f1c-2f4a-4c55-9d0e-7a4b3c2d1e0f")


def list_items(owner: str, values: list) -> list[dict]:
    """ListBlock items as Wagtail stores them (``{"type": "item", ...}``), which
    is the form wagtail-localize reads when it offers their text to translators."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(ITEM_NAMESPACE, f"{owner}/{number}"))}
        for number, value in enumerate(values)
    ]


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def document(key: str, title: str = "") -> dict:
    return {"type": "document", "value": {"document": f"doc:{key}", "title": title}}


def page_links(heading_text: str, *paths: str) -> dict:
    links = list_items(heading_text, [{"page": f"page:{path}", "label": ""} for path in paths])
    return {"type": "page_links", "value": {"heading": heading_text, "links": links}}


def learning(heading: str, themes: list[str], html: str, resources: list[dict] | None = None) -> dict:
    return {
        "type": "learning_theme",
        "value": {
            "heading": heading,
            "themes": list_items(f"{heading}/themes", [f"theme:{slug}" for slug in themes]),
            "learning": html,
            "practice_points": [],
            "resources": list_items(f"{heading}/resources", resources or []),
        },
    }


def page_resource(path: str, title: str = "") -> dict:
    return {"title": title, "page": f"page:{path}", "document": None, "external_url": ""}


def recommendation(text: str) -> dict:
    # The seed publishes no owner or progress for its recommendations.
    return {
        "type": "recommendation",
        "value": {"text": text, "agency": "", "status": "", "status_date": None, "status_note": ""},
    }


def review_document(key: str, kind: str, title: str = "") -> dict:
    return {"type": "document", "value": {"kind": kind, "document": f"doc:{key}", "title": title}}


HOME = {
    "title": SITE_NAME,
    "introduction": (
        "<p>Learning from reviews of cases where children have died or been seriously harmed, "
        "and how to refer a case for review.</p>"
    ),
    # The seed's "Child abuse or neglect" numbers, as a contact panel (home/demo/contact_panels.py).
    "contact_panel": "panel:child-abuse-or-neglect",
    "featured": [
        "serious-case-reviews",
        "rapid-review-process",
        "case-review-referral",
        "serious-case-reviews/analysis-of-serious-case-reviews",
    ],
}

INDEX = "serious-case-reviews"
BRIEFING = f"{INDEX}/7-minute-briefing-safe-sleep"

# (slug path under the home page, page type, fields). Parents come before their children.
PAGES: list[tuple[str, str, dict]] = [
    (
        INDEX,
        "review_index",
        {
            "title": "Serious case reviews",
            "show_in_menus": True,
            "search_description": "How the partnership reviews cases where a child has died or been seriously harmed.",
            "introduction": (
                "<p>Stockport SSCP conducts formal reviews of child abuse cases in accordance with central "
                "government guidance contained in Working Together to Safeguard Children.</p>"
                '<p>Under the new <a linktype="document" id="doc:arrangements">Stockport Safeguarding '
                "Children Partnership (SSCP) arrangements</a> and inline with the Children and Social Work "
                "Act (2017), the process for reviewing cases has changed.</p>"
                "<p>Important lessons are learned from the detailed review of cases where children have died "
                "or received a life-threatening injury due to abuse or neglect.</p>"
                "<p>Each serious case review is managed by experienced senior managers drawn from SSCP "
                "agencies. Members are identified according to the needs of each case to ensure that the "
                "panel is independent of involvement in the case and has access to any expert knowledge "
                "required.</p>"
                "<p>If you have any queries about past serious case reviews call the Safeguarding Unit on "
                '<a href="tel:+441614745657">0161 474 5657</a>.</p>'
            ),
            "body": [
                page_links("The review process", "rapid-review-process", "case-review-referral"),
                {"type": "contact_panel", "value": "panel:safeguarding-unit"},
            ],
            "contact_panel": "panel:child-abuse-or-neglect",
            "listing_heading": "Serious Case Reviews",
        },
    ),
    (
        "rapid-review-process",
        "standard",
        {
            "title": "Rapid Review Process",
            "show_in_menus": True,
            "search_description": "When the partnership triggers a Rapid Review or another case review process.",
            "introduction": "",
            "body": [
                paragraph(
                    "<p>This document sets out the arrangements by which Stockport Safeguarding Children "
                    "Partnership (SSCP) will determine when to trigger a Rapid Review process or another "
                    "appropriate alternative case review process.</p>"
                ),
            ],
        },
    ),
    # "case-review-referral" is the referral form itself (sscp_wagtail/referrals/demo.py); the
    # seed's "complete the referral form (PDF) and email to" becomes "complete the referral form below".
    (
        BRIEFING,
        "briefing",
        {
            "title": "7 minute briefing: safe sleep",
            "show_in_menus": False,
            "search_description": "Safe sleep for babies, and why alcohol and co-sleeping are a deadly mix.",
            "background": (
                "<p>Learning from the serious case review into the death of Baby M, who died in October 2017 "
                "when there were concerns of death by overlay after sharing a bed with a parent who had been "
                "drinking.</p>"
            ),
            "why_it_matters": (
                "<p>Sharing a bed or a sofa with a baby after drinking alcohol, smoking or taking drugs greatly "
                "increases the risk of sudden infant death. Babies with complex health needs are more "
                "vulnerable still.</p>"
            ),
            "information": (
                "<p>The safest place for a baby to sleep is on their back, in their own clear, flat, separate "
                "sleep space, in the same room as a parent or carer for the first six months.</p>"
            ),
            "what_to_do": (
                "<ul><li>Give safe sleep guidance at every contact, not once.</li>"
                "<li>Ask about drinking, smoking and substance misuse, and explain the added risk.</li>"
                "<li>Check where the baby sleeps, day and night, and where they would sleep if plans "
                "changed.</li></ul>"
            ),
            "questions": (
                "<ul><li>When did you last talk to a family about where their baby sleeps?</li>"
                "<li>Would you know if a parent's drinking had changed?</li></ul>"
            ),
            "what_should_happen": (
                "<p>Every practitioner who meets a family with a baby reminds them of safe sleep, and records "
                "that they did.</p>"
            ),
            "further_resources": (
                '<p>The <a linktype="document" id="doc:safe-sleep-briefing">7 minute briefing on safe sleep</a> '
                'as a printable document, and the <a linktype="page" id="page:serious-case-reviews/baby-m">'
                "Baby M serious case review</a>.</p>"
            ),
        },
    ),
    (
        f"{INDEX}/baby-m",
        "review",
        {
            "title": "Baby M",
            "show_in_menus": False,
            "review_type": "serious_case_review",
            "publication_date": dt.date(2019, 7, 1),
            "incident_year": 2017,
            "reviewer": "An independent reviewer",
            "commissioning_body": "",
            "summary": (
                "Baby M, a baby with complex health needs, died in October 2017 when there were concerns of death "
                "by overlay. Learning on alcohol and safe sleep, discharge planning and supporting parents."
            ),
            "search_description": (
                "Serious case review: alcohol and safe sleep, discharge planning, supporting parents."
            ),
            "how_reviewed": (
                "<p>Conducted by an independent reviewer in line with statutory requirements. The focus was "
                "on Baby M’s lived experience and is intended to provide learning to improve services.</p>"
            ),
            "story": [
                paragraph(
                    "<p>Baby M was a well-loved child with an infectious giggle and a smiley happy face. He lived "
                    "with his mother and his 5 year old maternal half-brother (Child C). His parents had an "
                    "on/off relationship and his father did not reside at the family home. Domestic Abuse had "
                    "been reported on one occasion.</p>"
                    "<p>His mother had a history of vulnerability and adverse childhood experiences. Neglect was "
                    "reported with Child C in 2014, and Early Help interventions were put in place. No agency "
                    "had concerns about the parenting of Baby M, who was born in March 2017.</p>"
                    "<p>Baby M’s 20 week scan showed an absent right kidney. At birth he had extensive complex "
                    "health needs and required intensive medical treatment at a specialist centre. After 12 "
                    "weeks he was discharged home where an Enhanced Health Visiting Service provided additional "
                    "support. Post discharge he was admitted to hospital 4 times, 3 due to his health needs and "
                    "1 due to an accidental vitamin overdose.</p>"
                    "<p>Baby M was found lifeless by his mother in October 2017. Paramedics and police officers "
                    "attending that morning were concerned she presented as intoxicated and provided apparently "
                    "contradictory accounts of the previous evening’s events. Toxicology reports showed she had "
                    "been drinking but was not as intoxicated as her presentation may have suggested. She was "
                    "arrested on suspicion of child neglect, as there were concerns of death by overlay when "
                    "sharing a bed the previous evening. The case was subsequently closed due to lack of "
                    "evidence. Baby M’s brother Child C was staying at his father’s house, so was not present. "
                    "Following Baby M’s death, Child C was to stay in the care of his father.</p>"
                ),
            ],
            "learning": [
                learning(
                    "Alcohol and Safe Sleep",
                    ["safe-sleep", "alcohol-and-substance-misuse"],
                    "<p>Learning from this review about alcohol and co-sleeping reminds us of the importance of "
                    "providing safe sleep guidance at every contact, highlighting the increased risks associated "
                    "with drinking, smoking and substance misuse.</p>",
                    [page_resource(BRIEFING, "7 minute briefing on safe sleep")],
                ),
                learning(
                    "Information Sharing and Discharge Planning",
                    ["information-sharing", "discharge-planning"],
                    "<p>This review highlighted that effective information sharing about a family’s context on "
                    "admission as well as discharge planning that includes key frontline health practitioners "
                    "from the child’s local area is vital in providing good quality care and support to babies "
                    "who have additional complex care requirements. It informs an understanding of risk. In "
                    "this case it could have allowed for consideration of the family’s history, together with "
                    "current circumstances, strengths, risks and concerns to be fully explored and considered. "
                    "The neonatal units involved have reviewed their discharge procedures to ensure learning "
                    "from this review is embedded.</p>",
                ),
                learning(
                    "Supporting Parents",
                    ["supporting-parents"],
                    "<p>Already having a child does not mean that parents are automatically able to care for a "
                    "poorly baby. The review suggests that practitioners should note the impact of having a "
                    "poorly child on a family and consider the use of Early Help Services/ Assessments as a "
                    "means of supporting families who present with a child who has complex health care needs, "
                    "taking into consideration other risk factors such as mental health, domestic abuse or "
                    "histories of vulnerability.</p>",
                ),
            ],
            "recommendations": [
                recommendation(
                    "make sure babies discharged from Neonatal Units are receiving timely and appropriate "
                    "assessment and support post discharge"
                ),
                recommendation(
                    "make sure practitioners working with babies with complex needs are aware of the impact on "
                    "the family"
                ),
                recommendation(
                    "review the current safe sleeping advice to include the impact of alcohol consumption and "
                    "smoking when caring for a young baby; and communicate this effectively to families."
                ),
            ],
            "documents": [
                review_document("baby-m-report", "full_report", "Read the full Serious Case Review"),
                review_document("safe-sleep-briefing", "briefing"),
            ],
        },
    ),
    (
        f"{INDEX}/child-e",
        "review",
        {
            "title": "Child E",
            "show_in_menus": False,
            "review_type": "serious_case_review",
            "publication_date": dt.date(2019, 11, 1),
            "incident_year": None,
            "reviewer": "Maureen Noble, independent reviewer",
            "commissioning_body": "Stockport Safeguarding Children Board",
            "summary": "Multi-agency practice around Child E after the occurrence of a serious head injury.",
            "search_description": "Serious case review into multi-agency practice after a serious head injury.",
            "how_reviewed": (
                "<p>The Board, prior to its replacement by the new partnership arrangements in June, "
                "commissioned an Independent Reviewer to carry out the review. Maureen Noble, as an "
                "independent reviewer, worked alongside the agencies involved to explore practice and "
                "identify any learning that could support improvements to practice. The parents of Child E "
                "were notified of the review.</p>"
            ),
            "story": [
                paragraph(
                    "<p>The SSCP has received the Serious Case Review report into the multi-agency practice "
                    "around Child E after the occurrence of a serious head injury. This review was commissioned "
                    "by the Stockport Safeguarding Children Board to ascertain any lessons that could be learnt "
                    "regarding the care and support provided to Child E and parents.</p>"
                    "<p>Stockport Safeguarding Children Partnership is working with the agencies involved to "
                    "share the lessons learnt and ensure relevant changes to practice are implemented.</p>"
                ),
            ],
        },
    ),
    (
        f"{INDEX}/jaiden",
        "review",
        {
            "title": "Jaiden",
            "show_in_menus": False,
            "review_type": "serious_case_review",
            "publication_date": dt.date(2018, 3, 1),
            "incident_year": None,
            "reviewer": "",
            "commissioning_body": "Stockport Safeguarding Children Board",
            "summary": (
                "Jaiden, a looked after child, died in Stockport. The review found the death could not have "
                "been predicted or prevented, and areas of inter-agency work to improve."
            ),
            "search_description": "Serious case review following the death of Jaiden, a looked after child.",
            "how_reviewed": "",
            "story": [
                paragraph(
                    "<p>Stockport Safeguarding Children Board commissioned a Serious Case Review following the "
                    "tragic death of Jaiden in Stockport. The Safeguarding Children Board wish to extend "
                    "heartfelt sympathies to the family of Jaiden for their devastating loss.</p>"
                    "<p>Jaiden was a looked after child and was making good use of the support offered and was "
                    "making positive life changes. The review found that it could not have been predicted that "
                    "Jaiden’s life would end as it did, and therefore it could not have been prevented by any "
                    "professionals involved.</p>"
                    "<p>The Serious Case Review found that there was evidence of effective inter-agency work, but "
                    "also areas which could be improved upon and these areas will form the basis for further "
                    "action by the Local Authority and its partner agencies.</p>"
                    "<p>The findings and recommendations from the Review have been endorsed by Stockport "
                    "Safeguarding Children Board; agencies have learnt from this review and have been making "
                    "changes to improve outcomes for children.</p>"
                    "<p>The outcome of this review will be subject to further close scrutiny in the coming months "
                    "by Stockport Safeguarding Children Board and its Independent Chair.</p>"
                ),
            ],
        },
    ),
    (
        f"{INDEX}/analysis-of-serious-case-reviews",
        "review",
        {
            "title": "Analysis of serious case reviews",
            "show_in_menus": False,
            "review_type": "national_analysis",
            "publication_date": dt.date(2016, 5, 1),
            "incident_year": None,
            "reviewer": "",
            "commissioning_body": "",
            "summary": (
                "The fifth analysis of serious case reviews in England: 293 reviews of incidents between "
                "1 April 2011 and 31 March 2014."
            ),
            "search_description": "A national analysis of 293 serious case reviews in England, 2011 to 2014.",
            "how_reviewed": "",
            "story": [
                paragraph(
                    "<p>A serious case review (SCR) is a local enquiry carried out where a child has died or "
                    "been seriously harmed and abuse or neglect are known or suspected, and there is cause for "
                    "concern about professional working together.</p>"
                    "<p>This study is the fifth consecutive analysis of serious case reviews in England "
                    "undertaken by the same research team dating back to reviews from 2003-2005. The study "
                    "considers a total of 293 SCRs relating to incidents which occurred in the period 1 April "
                    "2011- 31 March 2014.</p>"
                    "<p>These most recent reviews are also analysed in the context of learning from SCRs over "
                    "the ten years since 2003-2005. The aim of the study is to provide evidence of key issues "
                    "and challenges for agencies working singly and together in these cases.</p>"
                    "<p>It is also to provide the government with evidence of what is changing as a result of "
                    "their reforms, and to identify areas where further change may be required to support "
                    "organisations to learn from serious case reviews and to keep children safe.</p>"
                ),
            ],
        },
    ),
]

# Old addresses of pages that have moved: Wagtail redirects them permanently.
REDIRECTS = {"/analysis-of-serious-case-reviews": f"{INDEX}/analysis-of-serious-case-reviews"}
# Demo pages an earlier version built that --refresh removes (their redirects take over).
RETIRED = ["analysis-of-serious-case-reviews"]
