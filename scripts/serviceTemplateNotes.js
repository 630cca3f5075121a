'use strict';
// The sticky notes of the all-in-one templates that serve several providers, as each
// single-service package's template shows them: the same guidance for one provider, without the
// lanes, switches and set-up steps of the others. Keyed by template file, then note name, then
// provider id. A note not listed here is kept as the all-in-one has it.

const registration = {
	oneMsg: "1MSG registers the trigger's URL with the channel when the workflow is published.",
	lipaChat:
		"In LipaChat's dashboard paste the trigger's Production URL + `?secret=<Webhook Secret>` as the inbound message URL.",
	whatsAppWeb:
		"On the GOWA server add the trigger's URL to `WHATSAPP_WEBHOOK` with `WHATSAPP_WEBHOOK_EVENTS` including `message`.",
};

const serviceName = { oneMsg: '1MSG', lipaChat: 'LipaChat', whatsAppWeb: 'WhatsApp Web (GOWA)' };

const operatorMessages = {
	oneMsg:
		"The person can also just answer from the WhatsApp app on the business's phone: 1MSG reports that **Operator Message**, and it marks the chat too.",
	lipaChat:
		'LipaChat does not report what the person writes from the business phone, so the person releases the chat by time.',
	whatsAppWeb:
		"The person can also just answer from the WhatsApp app on the business's phone: GOWA reports that **Operator Message**, and it marks the chat too.",
};

const interactive = {
	oneMsg:
		"Each answer comes with a **Talk to a person** button: a tap hands over at once, without asking the model. The customer's message is **marked read** and **typing…** shows while the agent thinks (a failed read receipt never stops the answer).",
	lipaChat:
		'Each answer comes with a **Talk to a person** button: a tap hands over at once, without asking the model. (LipaChat documents no read receipts or typing indicator.)',
	whatsAppWeb:
		"The customer's message is **marked read** and **typing…** shows while the agent thinks (a failed read receipt never stops the answer). WhatsApp Web cannot send buttons: the agent's tool is the way to a person.",
};

const window24h = {
	oneMsg:
		'\n\nFree text and cards reach the person only inside their 24-hour window: the person should write to the business number once a day.',
	lipaChat:
		'\n\nFree text and cards reach the person only inside their 24-hour window: the person should write to the business number once a day.',
	whatsAppWeb: '',
};

const aiHandoff = (id) =>
	`## An AI agent that hands over to a person
A customer writes on WhatsApp (${serviceName[id]}): an **AI agent** answers in the same chat. When the customer asks for a person, or the agent cannot help, the agent **hands over**: the customer gets the person's contact card and a line of text, **the person gets the customer's card and the customer's last message** on their own WhatsApp, and the chat is written into the Data Table **WhatsApp hand-offs**. While a chat is there, **the bot stays quiet** in it.

${interactive[id]}

${operatorMessages[id]} The bot takes the chat back ${id === 'lipaChat' ? 'after the **quiet period** (hours since the hand-over)' : 'when the person writes the **release keyword** in it (e.g. `#bot`), or after the **quiet period** (hours without a word from the person)'}.

**Before the first run**
1. Create the Data Table: click **Execute workflow** on *Create the table (once)* below, or make a table \`WhatsApp hand-offs\` with columns \`chat\`, \`provider\`, \`person\` (text) and \`since\` (date).
2. Set the person${id === 'whatsAppWeb' ? '' : ", the button's words"}${id === 'lipaChat' ? '' : ', the keyword'} and the quiet period in **Settings**.
3. Choose your OpenAI credential in **OpenAI Chat Model**, and your ${serviceName[id]} credential.

${registration[id]}${window24h[id]}

Keep the node right before the agent (${id === 'lipaChat' ? '**To the LipaChat Agent**' : '**Mark Read, Show Typing**'}): n8n 2.41 resumes an agent after a tool call as if its input came from the first output of the node before it, and the agent's way in is the second output of **Tapped Talk to a Person?**. **Queue mode:** replace Simple Memory with Postgres or Redis Chat Memory, so every worker sees the conversation.`;

const asksForAPerson = (id) =>
	`## A customer asks for a person
When a customer writes on ${serviceName[id]} and the text asks for a person, the customer is told in words who will help, and the specialist's contact card follows, in the same chat.

**Before the first run:** set the words that mean "a person, please", the specialist and the words the customer gets in **Keywords and Specialist**.

The trigger listens to text messages only (Events: Message). ${registration[id]}

Our own messages, echoes and repeats never start it; forged requests get 401.`;

const failedDelivery = (id) =>
	`## Failed-delivery alert
"accepted" only means the provider took a message. When ${serviceName[id]} later reports it **failed**, this workflow posts the normalised status (\`provider\`, \`messageId\`, \`recipient\`, \`error\`) to an alert endpoint: before the first run, set **alertUrl** in "Set Your Alert URL" to your Slack, Teams or ticketing webhook.

${id === 'oneMsg' ? 'Publishing registers the 1MSG trigger with the channel by itself.' : "Paste the trigger's Production URL + `?secret=<credential Webhook Secret>` in LipaChat's dashboard as the status URL."}`;

const specialist = (id) =>
	`## Specialist hand-off
A help desk posts a ticket when a specialist takes it over; the customer gets the specialist's contact card through ${serviceName[id]}.

**Try it:** POST \`{"ticket": "T-311", "customerPhone": "+254 722 000111", "specialist": {"name": "Jane Specialist", "phone": "+254712345678"}}\`.

"Is On WhatsApp" is on, so the card shows Message and Call buttons.

**Answers:** 200 with the send result; 400 with \`error\` and \`details\` (reason, field) when the request itself is wrong, e.g. an invalid phone; 502 when the provider refused or failed.`;

const perProvider = (write, ids) => Object.fromEntries(ids.map((id) => [id, write(id)]));
const all = ['oneMsg', 'lipaChat', 'whatsAppWeb'];

module.exports = {
	'ai-agent-with-human-handoff.json': { 'Sticky Note': perProvider(aiHandoff, all) },
	'customer-asks-for-a-person.json': { 'Sticky Note': perProvider(asksForAPerson, all) },
	'failed-delivery-alert.json': {
		'Sticky Note': perProvider(failedDelivery, ['oneMsg', 'lipaChat']),
	},
	'specialist-handoff.json': {
		'Sticky Note': perProvider(specialist, ['lipaChat', 'whatsAppWeb']),
	},
};
