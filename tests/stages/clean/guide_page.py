"""An invented guide-style article body shared by the head-ranker tests (our own writing)."""

BODY = [
    "A raised bed warms up earlier in spring, drains better after heavy rain and spares your back, which "
    "is why so many first-time growers start with one rather than digging up a patch of lawn.",
    "The best spot gets at least six hours of direct sun a day and sits close to a tap, because a bed "
    "that is awkward to water is a bed that gets neglected by the middle of July.",
    "Untreated larch or cedar boards last for years without leaching anything into the soil; screw them "
    "together at the corners and line the base with cardboard to smother the grass underneath.",
    "Fill the frame with a mix of topsoil and compost, water it well and leave it to settle for a week "
    "before you sow the first rows of lettuce, radishes and peas.",
]
