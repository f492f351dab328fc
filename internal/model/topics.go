package model

// Topic names the worker that carries out an outbox item and the action it takes. The values
// are stored in outbox.topic; workers take the items of one topic or of a family ("stripe.").
type Topic string

// Outbox topics, every one the service writes.
const (
	// TopicMailEvent is a booking event (EventPayload) that the mail worker turns into messages.
	TopicMailEvent Topic = "mail.event"
	// TopicMailSend is one rendered message to deliver.
	TopicMailSend Topic = "mail.send"
	// TopicStripeRefund is a refund to ask Stripe for (StripeRefundPayload).
	TopicStripeRefund Topic = "stripe.refund"
	// TopicStripeExpireSession closes a Checkout Session whose hold ran out (StripeExpirePayload).
	TopicStripeExpireSession Topic = "stripe.expire_session"
	// TopicDocumentRender asks for an issued document's files to be rendered and stored
	// (DocumentRenderPayload). It is written in the issuing transaction; the rendering happens
	// after commit, so a booking never waits for a PDF.
	TopicDocumentRender Topic = "document.render"
)

// TopicsStripe is the family of every Stripe call: the Stripe worker takes the items of all
// topics that start with it.
const TopicsStripe Topic = "stripe."

// Key is an outbox key of the topic: the topic, a colon, then what makes the item unique.
func (t Topic) Key(cause string) string { return string(t) + ":" + cause }
