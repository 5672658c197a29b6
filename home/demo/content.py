"""The demo site, page by page, in the words of the seed text.

Headings the seed lacks but the page outline needs ("Baby M’s story",
"What did we learn?", "Recommendations") are added; nothing else is.
Documents are referred to by key and links to other pages by slug path, and
are resolved to ids when the pages are built.
"""

from __future__ import annotations

SITE_NAME = "Stockport Safeguarding Children Partnership"

DOCUMENTS = {
    "arrangements": "Stockport Safeguarding Children Partnership (SSCP) arrangements",
    "referral-form": "Case review referral form",
    "safe-sleep-briefing": "7 minute briefing on safe sleep",
    "baby-m-report": "Baby M serious case review",
}

CHILD_ABUSE_NUMBERS = (
    "<ul>"
    '<li>call <a href="tel:+441612176028">0161 217 6028</a> – Monday to Thursday from 8.30am to 5pm, '
    "Friday from 8.30am to 4.30pm</li>"
    '<li>or <a href="tel:+441617182118">0161 718 2118</a> – evenings and weekends</li>'
    "</ul>"
)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def document(key: str, title: str = "") -> dict:
    return {"type": "document", "value": {"document": f"doc:{key}", "title": title}}


def page_links(heading_text: str, *paths: str) -> dict:
    links = [{"page": f"page:{path}", "label": ""} for path in paths]
    return {"type": "page_links", "value": {"heading": heading_text, "links": links}}


def callout(heading_text: str, html: str, style: str = "inset") -> dict:
    return {"type": "callout", "value": {"heading": heading_text, "text": html, "style": style}}


HOME = {
    "title": SITE_NAME,
    "introduction": (
        "<p>Learning from reviews of cases where children have died or been seriously harmed, "
        "and how to refer a case for review.</p>"
    ),
    "emergency_heading": "Child abuse or neglect",
    "emergency_text": "<p>Do not ignore it:</p>" + CHILD_ABUSE_NUMBERS,
    "featured": [
        "serious-case-reviews",
        "rapid-review-process",
        "case-review-referral",
        "analysis-of-serious-case-reviews",
    ],
}

# (slug path under the home page, fields). Parents come before their children.
PAGES: list[tuple[str, dict]] = [
    (
        "serious-case-reviews",
        {
            "title": "Serious case reviews",
            "show_in_menus": True,
            "search_description": "How the partnership reviews cases where a child has died or been seriously harmed.",
            "introduction": (
                "Stockport SSCP conducts formal reviews of child abuse cases in accordance with central "
                "government guidance contained in Working Together to Safeguard Children."
            ),
            "body": [
                paragraph(
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
                page_links("The review process", "rapid-review-process", "case-review-referral"),
                page_links(
                    "Serious Case Reviews",
                    "serious-case-reviews/baby-m",
                    "serious-case-reviews/child-e",
                    "serious-case-reviews/jaiden",
                    "analysis-of-serious-case-reviews",
                ),
                callout("Child abuse or neglect", "<p>Do not ignore it:</p>" + CHILD_ABUSE_NUMBERS, "warning"),
            ],
        },
    ),
    (
        "rapid-review-process",
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
    (
        "case-review-referral",
        {
            "title": "Case review referral",
            "show_in_menus": True,
            "search_description": "How to refer a case to the partnership for review.",
            "introduction": "",
            "body": [
                # The seed's sentence ends "and email to" without an address; it names
                # the Safeguarding Unit, which handles referrals, rather than invent one.
                paragraph(
                    "<p>If you’d like to make a case referral, complete the "
                    '<a linktype="document" id="doc:referral-form">referral form</a> '
                    "and email to the Safeguarding Unit.</p>"
                ),
                document("referral-form"),
            ],
        },
    ),
    (
        "analysis-of-serious-case-reviews",
        {
            "title": "Analysis of serious case reviews",
            "show_in_menus": True,
            "search_description": "A national analysis of 293 serious case reviews in England, 2011 to 2014.",
            "introduction": "",
            "body": [
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
    (
        "serious-case-reviews/baby-m",
        {
            "title": "Baby M",
            "show_in_menus": False,
            "search_description": (
                "Serious case review: alcohol and safe sleep, discharge planning, supporting parents."
            ),
            "introduction": "",
            "body": [
                heading("How did we review?"),
                paragraph(
                    "<p>Conducted by an independent reviewer in line with statutory requirements. The focus was "
                    "on Baby M’s lived experience and is intended to provide learning to improve services.</p>"
                ),
                heading("Baby M’s story"),
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
                heading("What did we learn?"),
                heading("Alcohol and Safe Sleep", "h3"),
                paragraph(
                    "<p>Learning from this review about alcohol and co-sleeping reminds us of the importance of "
                    "providing safe sleep guidance at every contact, highlighting the increased risks associated "
                    "with drinking, smoking and substance misuse.</p>"
                ),
                document("safe-sleep-briefing"),
                heading("Information Sharing and Discharge Planning", "h3"),
                paragraph(
                    "<p>This review highlighted that effective information sharing about a family’s context on "
                    "admission as well as discharge planning that includes key frontline health practitioners "
                    "from the child’s local area is vital in providing good quality care and support to babies "
                    "who have additional complex care requirements. It informs an understanding of risk. In "
                    "this case it could have allowed for consideration of the family’s history, together with "
                    "current circumstances, strengths, risks and concerns to be fully explored and considered. "
                    "The neonatal units involved have reviewed their discharge procedures to ensure learning "
                    "from this review is embedded.</p>"
                ),
                heading("Supporting Parents", "h3"),
                paragraph(
                    "<p>Already having a child does not mean that parents are automatically able to care for a "
                    "poorly baby. The review suggests that practitioners should note the impact of having a "
                    "poorly child on a family and consider the use of Early Help Services/ Assessments as a "
                    "means of supporting families who present with a child who has complex health care needs, "
                    "taking into consideration other risk factors such as mental health, domestic abuse or "
                    "histories of vulnerability.</p>"
                ),
                heading("Recommendations"),
                paragraph(
                    "<ul>"
                    "<li>make sure babies discharged from Neonatal Units are receiving timely and appropriate "
                    "assessment and support post discharge</li>"
                    "<li>make sure practitioners working with babies with complex needs are aware of the impact "
                    "on the family</li>"
                    "<li>review the current safe sleeping advice to include the impact of alcohol consumption "
                    "and smoking when caring for a young baby; and communicate this effectively to families.</li>"
                    "</ul>"
                ),
                document("baby-m-report", "Read the full Serious Case Review"),
            ],
        },
    ),
    (
        "serious-case-reviews/child-e",
        {
            "title": "Child E",
            "show_in_menus": False,
            "search_description": "Serious case review into multi-agency practice after a serious head injury.",
            "introduction": "",
            "body": [
                paragraph(
                    "<p>The SSCP has received the Serious Case Review report into the multi-agency practice "
                    "around Child E after the occurrence of a serious head injury. This review was commissioned "
                    "by the Stockport Safeguarding Children Board to ascertain any lessons that could be learnt "
                    "regarding the care and support provided to Child E and parents.</p>"
                    "<p>The Board, prior to its replacement by the new partnership arrangements in June, "
                    "commissioned an Independent Reviewer to carry out the review. Maureen Noble, as an "
                    "independent reviewer, worked alongside the agencies involved to explore practice and "
                    "identify any learning that could support improvements to practice. The parents of Child E "
                    "were notified of the review.</p>"
                    "<p>Stockport Safeguarding Children Partnership is working with the agencies involved to "
                    "share the lessons learnt and ensure relevant changes to practice are implemented.</p>"
                ),
            ],
        },
    ),
    (
        "serious-case-reviews/jaiden",
        {
            "title": "Jaiden",
            "show_in_menus": False,
            "search_description": "Serious case review following the death of Jaiden, a looked after child.",
            "introduction": "",
            "body": [
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
]
