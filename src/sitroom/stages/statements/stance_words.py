"""Word lists and patterns for statement stance (project-authored): cue verbs and content cues."""

from __future__ import annotations

import re

_I = re.IGNORECASE

CUE_STANCE = {
    "deny": "deny", "dismiss": "deny", "reject": "deny", "refute": "deny", "rebuff": "deny",
    "dispute": "deny", "contradict": "deny", "debunk": "deny", "disavow": "deny",
    "decline": "decline", "refuse": "decline",
    # a forecast or projection without a figure is a prediction; with one, the content makes it an estimate
    "estimate": "estimate", "calculate": "estimate", "assess": "estimate", "forecast": "speculate",
    "project": "speculate",
    "speculate": "speculate", "believe": "speculate", "think": "speculate", "guess": "speculate",
    "expect": "speculate", "wonder": "speculate", "predict": "speculate", "worry": "speculate",
    "fear": "speculate", "suggest": "speculate", "suspect": "speculate", "hint": "speculate",
    "doubt": "speculate", "caution": "speculate",
    "urge": "demand", "demand": "demand", "ask": "demand", "press": "demand", "propose": "demand",
    "appeal": "demand", "request": "demand", "implore": "demand", "recommend": "demand", "advise": "demand",
    "plead": "demand", "beg": "demand", "instruct": "demand", "order": "demand", "encourage": "demand",
    "threaten": "threaten",
    "accuse": "accuse", "blame": "accuse", "allege": "accuse", "charge": "accuse", "condemn": "accuse",
    "denounce": "accuse", "criticize": "accuse", "criticise": "accuse", "slam": "accuse", "attack": "accuse",
    "blast": "accuse", "lambaste": "accuse", "brand": "accuse", "pound": "accuse", "assail": "accuse",
    "decry": "accuse", "deplore": "accuse", "fault": "accuse", "castigate": "accuse", "berate": "accuse",
    "mock": "accuse", "ridicule": "accuse", "rebuke": "accuse", "chide": "accuse", "scold": "accuse",
    "question": "accuse", "rip": "accuse", "hammer": "accuse", "rail": "accuse", "scoff": "accuse",
    "deride": "accuse", "taunt": "accuse", "bash": "accuse", "knock": "accuse", "lash": "accuse",
    "fume": "accuse", "complain": "accuse",
    "protest": "accuse", "object": "accuse", "lament": "accuse", "disparage": "accuse", "smear": "accuse",
    "hit": "accuse", "challenge": "accuse", "chastise": "accuse", "indict": "accuse",
    "belittle": "accuse", "insult": "accuse", "demean": "accuse", "denigrate": "accuse",
    "lobby": "demand", "advocate": "demand",
    "spurn": "deny", "boo": "accuse", "bother": "accuse", "bemoan": "accuse", "demonize": "accuse",
    "demonise": "accuse",
}
# Stance words inside a multi-word cue ("made a strong condemnation of", "has called for").
CUE_WORDS = (
    ("decline", re.compile(r"\b(?:refus|declin)\w*|\ba secret\b", _I)),
    ("demand", re.compile(r"\bcall(?:s|ed|ing)? (?:for|on)\b|\burg\w+|\bdemand\w*|\bappeal\w*|"
                          r"\bpush\w* for\b|"
                          r"\bpropos(?:al|als|ed|es)\b|\blobbi\w*", _I)),
    ("accuse", re.compile(
        r"\b(?:condemn|critici[sz]|accus|blam|attack|denounc|concern|frustrat|misgiving|outrage|anger|indict|chastis|slam|"
        r"disappoint|swipe|rail|lash|scoff|mock|critic|expletive)\w*|\b(?:went|gone|go(?:es)?|going) after\b|"
        r"\b(?:sp[eo]ak\w*|spoken?) out (?:\w+ )?against\b|\bcall\w* into question\b|\bdenunciat\w*|"
        r"\bpoint\w* (?:the )?fingers? at\b|\bbelittl\w*|"
        r"\bupset (?:by|with|about|over)\b|\bs[ck]eptic\w*|"
        r"\bshots? at\b|\bmincing words\b|"
        r"\b(?:take|takes|taking|took) aim\b|\bhit out\b|\ballegations? against\b|\bcall(?:s|ed|ing)? out\b|"
        r"\bshout\w* down\b|\bdemoni[sz]\w*|\ballegations? of\b|\binsufficient\b|\binadequate\b", _I)),
    ("deny", re.compile(r"\b(?:den(?:y|ied|ies|ial)|reject|dismiss)\w*|\bcast\w* doubt|\btook issue with\b|"
                        r"\btak(?:e|es|ing) issue with\b|\bpush\w* back (?:against|on)\b|\bspurn\w*|"
                        r"\bdistanc\w* (?:himself|herself|themselves|itself|ourselves|myself) from\b|"
                        r"\bno evidence\b", _I)),
    ("estimate", re.compile(r"\b(?:estimat|forecast|project(?:ed|ion)s?)\w*", _I)),
    ("speculate", re.compile(r"\brul\w* out\b|\b(?:do|does|did)(?: not|n['’]t) know\b|\bnot sure\b", _I)),
)
DECLINE = re.compile(
    r"\b(?:(?:declin|refus)\w* to \w+|(?:declin|refus)\w* comment|"
    r"(?:(?:did|does|would|will|could) not|(?:did|does|would|could)n['’]t|won['’]t) "
    r"(?:\w+ )?(?:comment|confirm|elaborate|discuss|disclose|respond|say|return|specify|supply|provide|"
    r"address|"
    r"release)|no comment|"
    r"(?:did|does) not (?:respond|reply) to|could not be reached|(?:is|are|was|were) not saying)", _I,
)
# Refusals that sit inside what was said ("troop movements are not a public matter").
DECLINE_CONTENT = re.compile(
    r"\b(?:no comment|not (?:a )?(?:public|for public)|category of public|not (?:at liberty|in a position) "
    r"to|(?:will|would|can|could) not (?:comment|discuss|disclose|elaborate)|(?:won|can)'t (?:comment|"
    r"discuss|disclose|elaborate)|leave it to others|no (?:new )?announcements?|not going to (?:comment|"
    r"discuss|get into)|(?:don['’]t|do not) have (?:any )?(?:new )?(?:announcements?|comment)|"
    # a refusal still to come: "will refuse to answer", "would assert his Fifth Amendment rights"
    r"(?:will|would|going to) (?:refuse|decline) to|"
    r"(?:do|does|did)(?: not|n['’]t) (?:comment|discuss|disclose) on|"
    # a memory that fails on the point asked: "did not recall whether the couple stayed there"
    r"(?:not|n['’]t|never) (?:recall|remember)(?:ed)? (?:whether|if|any|who|what|when|how)|"
    r"(?:assert|invoke|plead|take) (?:\w+ )?fifth(?: amendment)?|"
    # unwillingness, confidentiality, a statement promised for later: "stay tuned"
    r"(?:unwilling|not willing|not prepared) to|respect (?:the )?(?:confidentiality|privacy)|"
    # too early to take a side: "it was premature to back her campaign", "too early to say"
    r"\W?premature\W? to (?:back|endorse|say|comment|judge|speculate)|"
    r"too (?:early|soon) to (?:say|tell|judge|endorse|back|comment)|"
    # "the mission could not confirm any figure": no answer given, whatever the reason
    r"(?:could|can|would)(?: not|n['’]t) (?:independently )?(?:confirm|verify)|(?:cannot|unable to) confirm|"
    r"(?:further|more) (?:statement|details|information|comment)s? (?:later|next|in the coming|at a later)|"
    r"stay tuned|"
    # no figure given: "the impact was hard to estimate", "too early to put a number on it"
    r"(?:impossible|too early|too soon) to (?:estimate|quantify|put a (?:number|figure)))",
    _I,
)
DENY = re.compile(
    r"\b(?:fake news|not true|untrue|baseless|groundless|no truth|fabricat\w+|nonsense|hoax|"
    r"no evidence|(?:was|is|were|are) false|as (?:false|fake|untrue|baseless|nonsense|lies|rumou?rs?|"
    r"speculation|fiction|fantasy|propaganda)|false (?:claims?|reports?|stor(?:y|ies)|allegations?)|"
    r"categorically|never happened|nothing happened|nothing to see|denied|deny|denies|misinterpret\w*|"
    r"mischaracteri[sz]\w*|misrepresent\w*|made up(?! of)|(?:am|is|are|was|were) unaware of|"
    r"(?:have|has|had) no idea where|"
    r"not (?:my|her|his|our|their) (?:view|position)|"
    # "there never was a deal", "has not done any such study", "I never said that"
    r"there (?:never was|never were|(?:was|is|were|are) never)|(?:not|never|no) (?:\w+ ){0,2}(?:any )?such|"
    r"(?:I|we|he|she|they)(?:['’]ve|['’]d| have| has| had)? never "
    r"(?:said|say|did|claimed|stated|misstated|promised|heard (?:of )?(?:it|that|this|about))|debunk\w*|"
    # claims or figures called made up: "the figures had been \"invented to order\""
    r"(?:figures?|numbers?|reports?|claims?|allegations?|stor(?:y|ies)|accounts?) (?:\w+ ){0,2}?"
    r"(?:was|were|is|are|had been|have been|has been) \W?(?:invented|made up|concocted|cooked up|dreamed up)|"
    r"(?:is|was|are|were|has|have|had|did|do|does) not (?:\w+ )?(?:involved|happen\w*|exist|true)|"
    # a rumoured act said not to be planned: "the Pope has no plans to meet Sanders"
    r"(?:has|have|had) no (?:plans?|intention) (?:to|of)|disagree(?:s|d)? with|"
    # "Neither Ryan nor anyone on his team has ever asked for it"
    r"(?:no ?one|nobody|nor anyone|nor anybody)(?: [\w’']+){0,5} (?:has|have|had) ever|"
    # "Nor does Mrs. Clinton have any plans, advisers say, to ..."
    r"(?:(?:does|do|did)(?: not|n['’]t)|nor (?:does|do|did)) (?:[\w.]+ ){0,3}(?:have|has) any "
    r"(?:plans?|intention))\b",
    _I,
)
THREATEN = re.compile(
    r"\b(?:will (?:respond|retaliate|not tolerate|take (?:\w+ ){0,2}(?:counter-?)?(?:measures|action|steps))|"
    # reported speech backshifts the threat: "warned that Moldova would respond with every means"
    r"would (?:\W?respond (?:with|in kind|firmly|forcefully)|retaliate|not tolerate)|"
    r"(?:ready|prepared) to (?:impose|use force|strike|retaliate|respond)|"
    r"(?<!not to )impose (?:\W?\w+\W? ){0,2}costs|"
    r"(?:will|would|won['’]t) (?:not )?\W?(?:stand|sit|watch|remain) (?:idly |quietly |silently )?"
    r"(?:by|idle|quietly|silently)|"
    # (not a retaliation told as done: "Indian forces retaliated", "fired in retaliation")
    r"consequences|(?<!in )retaliat(?!ed\b)\w+|pay a (?:heavy )?price|all options|"
    r"met with (?:force|a \w+ response)|"
    r"use (?:of )?force|(?<!capital )punish\w*|strike back|hit back|"
    r"(?:will|['’]ll|would|going to) fight back|"
    # an answer promised to what the other side did: "sanctions will not go unanswered"
    r"(?:will|would|won['’]t) (?:not )?\W?(?:go|remain|be left) unanswered|"
    # the answer promised to any attack: "vowed an overwhelming response to any attack"
    r"respon(?:se|d) to any (?:\w+ )?(?:attacks?|aggression|provocations?|incursions?|strikes?)|"
    # deterrence by definition: "would regard any attack as a direct threat", "treat it as an act of war"
    r"(?:will|would) (?:regard|consider|treat|see|view) [^.;]{0,60}?\bas (?:an? )?(?:direct )?"
    r"(?:act of (?:war|aggression)|declaration of war|(?:direct )?threat|hostile act|attack on)|"
    # the measure named in the condition, the promise last: "if we have to look at sanctions, we will"
    r"\bif\b[^.;]{0,60}?\b(?:sanctions?|force|military action|retaliat\w*|strikes?)\b[^.;]{0,40}?,\s*"
    r"(?:we|I)\s+will\b|"
    # a condition and a harm the speaker's side will inflict: "if they cross, we will strike"
    r"(?:if|unless|otherwise)\b[^.;]{0,80}?\b(?:will|would|shall)\b[^.;]{0,30}?\b(?:respond|retaliate|strike|"
    r"attack|destroy|punish|sanction\w*|suffer|regret|crush|annihilate|be met with))\b|"
    # the harm first, then what the other side must do to escape it: "the plant could be switched off
    # within hours if Chisinau did not pull its police back", "will halt deliveries unless ..."
    r"\b(?:will|would|could|shall)\b[^.;]{0,40}?\b(?:switch\w* off|cut\w* off|shut\w* (?:off|down)|halt\w*|"
    r"suspend\w*|block\w*|strike|retaliate|sanction\w*|expel\w*|freez\w+)\b[^.;]{0,60}?"
    r"(?:\bif\b[^.;]{0,50}?\b(?:did not|does not|do not|didn['’]t|doesn['’]t|don['’]t|fails? to|failed to|"
    r"refuses? to|refused to|continues? to|continued to)|\bunless)\b", _I,
)
DEMAND = re.compile(
    # "should have known" blames and "must have known" guesses; neither asks for anything
    r"\b(?:(?:must|should|shouldn't)(?! have \w+(?:ed|en|wn)\b)(?!['’]ve)|needs? to|ought to|"
    # "doesn't have to" frees from an obligation; it asks for nothing
    # ("what I have to offer" offers; it asks for nothing)
    r"(?<!n['’]t )(?<!not )(?<!never )(?:have|has) to(?! (?:offer|say|show|share|tell|admit)\b)|"
    r"(?:would|['’]d) like (?:him|her|them|you|us|the \w+|[A-Z]\w+) to|"
    # "I would love to see Mr. Sanders endorse"
    r"(?:would|['’]d) love to see (?:him|her|them|you|us|the \w+|(?:Mr|Mrs|Ms|Dr)\. [A-Z]\w+|[A-Z]\w+) "
    r"(?!as\b|in\b|at\b|on\b|with\b)[a-z]+|"
    # ("I've got to tell you" says nothing of the kind; "he's got to be better than her" infers)
    r"(?:['’]ve|have|has|['’]s) (?:really |just |simply |still )?got to"
    r"(?! (?:tell|say|admit|be honest|be better|be worse|be more|be less)\b)|"
    r"called (?:on|for)|calls? (?:on|for)|"
    # a condition set on the other side: "talks could only resume once they were withdrawn"
    r"(?:can|could|will|would) only (?:\w+ ){1,2}(?:once|if|when|after|until)\b|"
    r"urg(?:e|es|ed|ing)|demand(?:s|ed|ing)? (?:that|to)|immediately (?:halt|stop|cease|withdraw)|"
    r"(?:a|the) need for|(?:am|are|is|were|was) asking|advised to|"
    # "let's see what happens" waits and sees; it asks for nothing
    r"(?:let's|let us)(?! (?:just )?(?:see|wait and see|be clear|be honest|be frank|face it)\b)|"
    r"(?:I|we) want (?:them|him|her|you|the \w+|everyone|everybody|people) to|what (?:I|we) want \w+ to do|"
    r"(?:it['’]?s|it is) (?:high |about )?time (?:for [^.;]{1,40} )?(?:to|that)|"
    r"(?:it['’]?s|it is) (?:very |so |really |extremely )?(?:important|essential|vital|crucial|critical|"
    r"imperative) (?:for \w+ )?to|what (?:\w+ ){1,2}needs? (?:most )?(?:\w+ )?is|"
    r"of (?:the )?(?:utmost|great|vital|paramount) importance|"
    r"what(?: is|['’]s) (?:required|needed)|you(?:['’]d| had)? better|"
    r"(?:are|is) needed to)\b", _I,
)
ACCUSE = re.compile(
    r"\b(?:accus\w+|blam\w+|denounc\w+|condemn\w*|illegal\w*|violat\w+|responsible for|"
    # "lies" told, not where something lies: "which lies about two kilometres from", "lies on the river"
    r"war crimes?|provocation|aggression|liar|(?<!-)lying|"
    r"lies(?!\s+(?:about\s+\d|about\s+(?:a|one|two|three|four|five|six|seven|eight|nine|ten|some|half)\b|"
    r"some\b|roughly|nearly|just\b|only\b|in\b|on\b|at\b|near\b|along\b|between\b|within\b|"
    r"beside\b|across\b|off\b|north|south|east|west|\d))|fraud\w*|scam\w*|con artist|ploy|"
    r"disgrace\w*|corrupt\w*|crooked|dishonest|reckless|irresponsible|shameful|outrageous|disgusting|"
    r"outraged|appall\w*|disgusted|insulted|insulting|(?:worr(?:y|ies)|bothers?|troubles?) (?:me|us)|"
    r"awful|detrimental|(?:not |un)qualified|demoni[sz]\w*|(?:I|we) (?:strongly |firmly )?object to|"
    # a concern the speaker owns ("I am concerned about any agreement that ..."), not one reported of others
    r"(?<!as far as )(?:I am|I['’]m|we are|we['’]re|\[I am\]) (?:deeply |very |so )?concerned "
    r"(?:about|by|over|that)|"
    r"pathetic|unfit|incompeten\w+|charlatan|deplorables?|racis[mt]|bigot\w*|amoral|waste of time|"
    r"destroying|bad judgment|failed to|failure of|abuse\w*|cover-?up|mislead\w*|unfair\w*|"
    r"insensitive|inappropriate|toxic|poisonous|vile|hateful|sexis[mt]\w*|humiliat\w+|shame\w*|embarrass\w*|"
    # blame for the past: "should have known", "shouldn't have sold it"
    r"(?:should|shouldn['’]t|should not|ought to) have (?:\w+ )?\w+(?:ed|en|wn)|"
    # ("I have no idea how they voted" admits ignorance; it blames no one)
    r"(?<!I have )(?<!I've )(?<!I’ve )(?<!we have )(?<!I had )no idea|knows nothing|suffering from|"
    r"hypocri\w+|ineffective|dangerous|terrible|(?:doesn['’]t|does not|won['’]t|will not) cut it|"
    r"(?:can ?not|can['’]t|could ?not|couldn['’]t) be trusted|untrustworthy|"
    # "their word has not proven honest"
    r"(?:not|never) (?:been |proven |proved |always |entirely )?(?:honest|truthful|trustworthy)|"
    r"(?:a|the) (?:threat|danger) to|misgivings?|frustrat\w+|undermin\w+|(?:a|the) lack of|"
    # someone else's refusal or pose, told against them: "he refused to drop the gun", "posed a threat"
    r"refused to|pos(?:ed|es|e) a (?:\w+ )?threat|na[iï]ve|conveniently|"
    r"absurd|ridiculous|chao(?:s|tic)|misogyn\w*|greed\w*|bully\w*|narcissis\w*|meddl\w*|abus\w+|"
    r"disappoint\w*|dissatisf\w*|dismay\w*|disrespect\w*|unacceptable|undercut\w*|"
    r"(?:has|have|had) no business|consciousness of guilt|broke (?:it|the law)|break(?:s|ing)? the law|"
    r"failed (?:\w+[- ])?(?:polic(?:y|ies)|leadership|record)|weakness|"
    r"lack of (?:respect|judgment|judgement|leadership|transparency|accountability|integrity|honesty)|"
    r"an? (?:\w+ )?insult to|rais(?:e|es|ed|ing) (?:serious |a lot of |real |grave )?(?:questions|concerns)|"
    r"(?:there (?:are|is)|(?:have|has|had)) (?:\w+ ){0,3}concerns|"
    r"cross(?:ed|es)? (?:a|the) (?:red )?line(?! of)|"  # not "crossed the median line of the strait"
    r"inciting violence|spreading hatred|divorced from reality|out of touch with reality|"
    # an insult told as a plain predicate: "these people are crazy", "he's nuts"
    r"(?:people|they|he|she|you|guy|man|woman) (?:are|is|were|was|['’]re|['’]s) "
    r"(?:just |so |completely |totally |absolutely )?(?:crazy|nuts|insane|stupid|idiots|morons|clowns)|"
    r"(?:harm|damage) (?:\w+ )?(?:caused|done) by|biased|show(?:s|ed|ing)? (?:a |clear )?bias|evils? of|"
    r"(?:is|are|was|were|remains?) (?:too |very |so |extremely |deliberately )?vague|"
    # a concern the speaker owns about someone: "one concern I have with Donald is ..."
    r"concerns? (?:I|we) (?:have|had) (?:with|about)|"
    r"makes? (?:me|you|us) (?:want to )?(?:sick|retch|vomit|cringe)|"
    # alarm the speaker owns at what was done: "said it was deeply alarmed by the reports"
    r"(?:I|we|it|he|she|they) (?:was|were|is|are|am|['’]m|['’]re|remains?|remained) \W?(?:deeply |gravely |"
    r"very |extremely )?(?:alarmed|horrified|shocked|dismayed)\W{0,2} (?:by|at|over)|"
    r"conflicts? of interest|perpetrators?|(?:a |such a |really )?bad idea|hack(?:ed|ing) by|"
    # an atrocity laid at someone's door: "Ukraine had used chemical weapons", "X was behind the blast"
    r"us(?:ed|es|ing) (?:\w+ )?(?:chemical|banned|cluster|poison|phosphorus|nerve) (?:weapons?|munitions|gas|"
    r"agents?|bombs)|massacr(?:ed|ing)|(?:carried out|committed|perpetrated) (?:a |the )?(?:\w+ )?massacre|"
    r"tortur(?:ed|ing)|ethnic cleansing|genocid\w*|atrocit\w+|"
    r"(?:shell(?:ed|ing)|bomb(?:ed|ing)|target(?:ed|ing)|attack(?:ed|ing)) (?:\w+ )?(?:civilians?|hospitals?|"
    r"schools?|residential)|(?:was|were|is|are) behind (?:the|this|that|these|those|a) (?:\w+ )?(?:attacks?|"
    r"bombings?|blasts?|killings?|assassination|explosions?|shooting))\b", _I,
)
# What the speaker's side will do to press a demand: "we will strike", "we'll sue", "they would walk out".
CONDITIONAL_ACTION = re.compile(
    r"\b(?:we|I|they)(?:['’]ll|\s+will|\s+would|\s+are\s+going\s+to)\s+(?:(?:go\s+on|stage\s+an?)\s+)?"
    r"(?:strike(?!\s+(?:a|an|the)\s+(?:\w+\s+)?(?:deal|agreement|bargain|balance|chord|note|tone))|walk\s+out|sue|take\s+(?:legal\s+)?action|boycott|block|blockade|shut\s+down|cut\s+off|"
    r"pull\s+out|withdraw|resign|quit|stop\s+work)\b",
    _I,
)
# A warning that the speaker's own side will act on a condition: "warned that it would \"expand the circle
# of fire\" if the attacks continued". Not what befalls the speaker ("we would lose our homes").
WARNED_ACTION = re.compile(
    r"^(?:that\s+)?(?:it|we|I)(?:['’]ll|\s+will|\s+would|\s+is\s+going\s+to)\s+(?:not\s+)?[\"“]?"
    r"(?!(?:be|have|need|lose|suffer|welcome|consider|support|help|like|love|want|accept|agree|face|see|"
    r"expect|experience|miss|fail|find|struggle|run|go|close|collapse)\b)[a-z]+\b",
    _I,
)
# Asking not to be named refuses nothing that was asked about: "who declined to be identified".
ANONYMITY = re.compile(
    r"\b(?:declin\w*|refus\w*|ask\w*|request\w*|spoke|speaking)\s+(?:not\s+)?(?:to\s+)?(?:on\s+condition\s+of\s+)?"
    r"(?:anonymity|be\s+(?:named|identified|quoted\s+by\s+name)|give\s+(?:his|her|their)\s+(?:full\s+|last\s+)?"
    r"names?|identify\s+(?:himself|herself|themselves))",
    _I,
)
# A quote that opens with a command demands: "Forget the old plan", "Then just scale back!", "Don't panic".
IMPERATIVE = re.compile(
    # verbs that rarely open a sentence as a noun ("Pay is low", "Support grew" are no commands)
    # ("Let's be clear" only announces a claim)
    r"^[\"“'‘]+\s*(?:(?:then|so|now|just|please|and)\s+)*(?:don['’]t|do not|"
    r"let['’]s(?! be (?:clear|honest|frank)| face it)|stop|give|get|make|take|"
    r"keep|go|come|vote|remember|forget|listen|join|bring|send|put|read|consider|imagine|respect|protect|"
    r"publish|treat|learn|wait|focus|scale back|calm down|rethink|reconsider|help (?:us|me|them)|"
    r"be (?:the|a|an|careful|ready|prepared|vigilant|honest|kind|patient|brave|proud|nice)|"
    r"stand (?:up|with|by)|let (?:everybody|everyone|them|people|him|her|the \w+) (?:know|see|decide))"
    r"\b(?![-‑])",  # ("Stop-and-frisk works" names a policy)
    _I,
)
# A rhetorical why-not question blames: "so why didn't the mayor pay his?"
RHETORICAL = re.compile(
    # ("why the senator didn't say more": the subject may come between)
    r"\bwhy (?:on earth )?(?:(?:the )?\w+ )?(?:didn['’]t|doesn['’]t|don['’]t|isn['’]t|wasn['’]t|won['’]t|"
    r"hasn['’]t|haven['’]t|wouldn['’]t|can['’]t|did \w+ not|does \w+ not|is \w+ not)\b|"
    # a yes-no question asked with "really" doubts its subject: "can we really trust him to ...?"
    r"\b(?:does|do|did|can|could|should) (?:\w+ ){1,3}really\b[^.?!]{0,120}\?", _I,
)
# Harm the speaker's side promises to inflict: "vowed to bomb them", "pledged to sue the city".
HARM = re.compile(
    r"\bto \W?(?:\w+ ){0,2}?\W?(?:bomb|destroy|crush|wipe out|sue|deport|punish|retaliate|strike|jail|"
    r"prosecute|lock (?:\w+ )?up|hunt (?:\w+ )?down|fire|expel|sanction|annihilate|obliterate|invade)\b", _I,
)
# A figure with a hedge or a range ("about 3,000", "two to three weeks", "$2-300 million").
ESTIMATE = re.compile(
    r"\b(?:(?:an )?estimat\w+(?: at)?|about|around|approximately|roughly|as (?:many|much|high|low) as|"
    r"up to|nearly|some|at least|more than|upwards of|closer? to)\s+(?:(?:\$|€|£)?\d|"
    # a figure in words: "about one-third", "at least four", "nearly half", "some two dozen"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundreds|thousands|millions|dozens|half|one-(?:third|quarter|half)|two-thirds|three-quarters|"
    r"a (?:third|quarter|half|dozen|hundred|thousand|million))\b)|"
    r"\b(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:to|-|or)\s*(?:\$|€|£)?"
    r"(?:\d[\d.,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen)\s+(?:percent|per cent|%|weeks|"
    r"days|months|years|hours|million|billion|thousand|people|points)\b|"
    r"\bbetween (?:(?:\$|€|£)?\d[\d.,]*\s*(?:%|percent|per cent|million|billion)?|(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|twenty)) and (?:(?:\$|€|£)?\d|(?:three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b)", _I,
)
# A figure about the future ("will grow 1.6 percent", "would cost $150 billion") is an estimate; a sum
# someone will give or spend ("will give Moldova 50 million euros") is a commitment, not a guess.
FORECAST = re.compile(
    r"\b(?:will|would|could|to(?!\s+(?:the|a|an|his|her|their|its|our|about|around|nearly|some|just|only)\b))\b"
    r"(?!\s+(?:also\s+)?(?:give|send|provide|pay|donate|allocate|offer|contribute|"
    r"spend|invest|lend|grant|transfer|deliver|supply|fund|release|commit|pledge|approve|"
    # a bill or request the speaker will put forward plans; its sum is no forecast
    r"propose|introduce|table|submit|seek|request|ask for)\b)"
    r"[^.;]{0,60}?(?:\$|€|£)?\d[\d.,]*\s*(?:percent|per cent|%|billion|million|"
    r"trillion|points?)|"
    # a cost or loss to come in plain money: "would cost the campaign $600,000 a day"
    r"\b(?:will|would|could)\s+(?:\w+\s+)?(?:cost|lose|save)\b[^.;]{0,30}?(?:\$|€|£)\d", _I,
)
FUTURE = re.compile(r"\b(?:will|would|could|may|might|going to)\b", _I)
SPECULATE = re.compile(
    # "could" after a person is mostly ability ("she could hear the sirens"), after anything else a
    # possibility ("prices could fall")
    # ("no one may solicit votes here" forbids; it guesses nothing)
    r"\b(?:(?<!\bno one )(?<!\bnobody )may|might|"
    r"(?<!\bI )(?<!\bwe )(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\banyone )(?<!\banybody )could|"
    r"possibly|perhaps|probably|"
    r"likely|unlikely|it is possible|would (?:probably|likely)|"
    r"must(?:['’]ve| have) \w+(?:ed|en|wn)|seem(?:s|ed)?(?: to)?|appear(?:s|ed)? to|"
    r"it'?s thought|it is thought|(?:is|are) expected to|(?:I|we) (?:don['’]t|do not) think|"
    # a conditional prediction: "if they win, prices will fall", "it would collapse if ..."
    # ("if Reagan had gone with Kemp, I would have been in Siberia": a past counterfactual, told as fact)
    r"if\b[^.;?]{0,120}?(?:\b(?:will|would(?! have\b)|could|might|going to)|['’]ll)|"
    # ("I would be open to it if ..." is the speaker's own offer, not a guess about the world)
    r"(?<!\bI )(?<!\bwe )(?:will|would(?! have\b)|could|might)\b[^.;?]{0,80}?\bif|"
    r"hopefully|(?:I|we) hope|hopes? (?:that|to|\w+ will)|(?:I['’]m|we['’]re|I am|we are) hoping|"
    r"up in the air|far from (?:clear|certain)|(?:it is|it['’]s|remains?) unclear|remains? to be seen|"
    r"(?:let['’]s|let us) (?:just )?(?:see|wait and see) (?:what|how|if|whether|who|which)|"
    r"(?:unsure|uncertain) (?:whether|if|what|how|when|where|who|about)|not (?:sure|certain)|apparently|"
    r"suspects?|not impossible|implausible|"
    r"(?:an? )?(?:excellent|good|real|strong|slim|fair) chance|"
    # an outcome nobody controls, even one's own: "we're going to win", "he will do very well"
    r"(?:will|going to|['’]ll|would) (?:\w+ )?(?:win|lose|beat|prevail|do (?:very |so )?(?:well|badly)|"
    r"come out ahead|come back with)|(?:I|we|he|she|they) (?:still )?hope[sd]?|hoped|"
    r"(?:I|we|he|she|they) (?:think|believe|expect|suspect|guess|doubt)(?:s|d|ed)?\b[^.]{0,60}?"
    r"(?:\b(?:will|would|could|can|going to|might)\b|['’]ll\b)|"
    # a fear of what others will do: "they fear the leaders will make a deal" (not "for fear it would")
    r"(?<!for )(?:fears?|feared|worr(?:y|ies|ied))(?! about| for| over) (?:that )?[^.;]{0,80}?"
    r"(?:\b(?:will|would|could|might)|['’]ll)|(?:has|have|had) the potential to)\b",
    _I,
)
HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|purportedly|supposedly|presumably|"
    r"(?:is|are|was|were) (?:believed|thought|said|reported|understood|expected) to(?: be| have)?|"
    r"believed to be|unconfirmed|unverified|suspected|rumou?red|it appears|appears? to|seems? to|"
    r"it is understood|(?:could|can) not (?:be )?independently (?:verify|verified|confirm|confirmed)|"
    r"not independently (?:verified|confirmed))\b", _I,
)
# Negative names: "called the tariff a cynical ploy" accuses, "called it a common ailment" does not.
NEGATIVE = re.compile(
    r"\b(?:cynical|ploy|stunt|sham|joke|farce|mistake|disaster|failure|crazy|stupid|dumb|weak|"
    r"loser|bully|coward\w*|puppet|extrem\w+|radical|provocative|expansionist|belligerent|aggressive|racist|traitor|criminal|thug|crook|idiot|fool\w*|"
    r"liar|phony|fraud|con|bad|worst|wrong|unacceptable|insult\w*|attack|assault|betray\w*|"
    r"hypocrit\w*|pathetic|disgrace\w*|embarrass\w*|nightmare|threat|danger\w*|lawless|rigged|"
    r"childish|immature|rapists?|murderers?|thieves|clowns?|brats?|leech\w*|monsters?|petty|arrogant|ignorant|"
    r"nasty|horrible|awful|evil|lunatic|unhinged|unstable|incompetent|foolish|silly)\b", _I,
)
# Words of praise: "called him a hero" names without accusing.
PRAISE = re.compile(
    r"\b(?:great|good|best|hero\w*|friend\w*|brilliant|wonderful|important|honou?r\w*|excellent|"
    r"historic|remarkable|strong|smart|fantastic|tremendous|inspiring|courageous|success\w*|genius|love|"
    r"celebrat\w*|proud|beautiful)\b", _I,
)

# The main verb before a participle cue ("denied the report, saying ...", "urged calm, adding ...").
MAIN_VERB = (
    ("decline", re.compile(r"\b(?:declined|declines|refused|refuses)\b", _I)),
    ("deny", re.compile(r"\b(?:den(?:ied|ies|y)|rejected|rejects|dismissed|dismisses|refuted|disputed)\b",
                        _I)),
    ("demand", re.compile(r"\b(?:urged|urges|called (?:for|on)|calls (?:for|on)|demanded|demands|appealed|"
                          r"appeals|pleaded|asked|asks)\b", _I)),
    ("threaten", re.compile(r"\b(?:threatened|threatens|vowed to retaliate)\b", _I)),
    ("accuse", re.compile(r"\b(?:accused|accuses|blamed|blames|critici[sz](?:ed|es)|condemned|condemns|"
                          r"denounced|denounces|slammed|slams|attacked|attacks|lashed out|took aim|"
                          r"took a swipe|hit out|lambasted|blasted|assailed|decried|mocked|ridiculed|"
                          r"chastised|derided|rebuked)\b",
                          _I)),
    ("estimate", re.compile(r"\b(?:estimated|estimates|forecast|forecasts|projected|projects)\b", _I)),
)
PARTICIPLE_CUE = re.compile(
    r"^(?:saying|adding|arguing|noting|insisting|explaining|writing|telling|citing)\b", _I
)
