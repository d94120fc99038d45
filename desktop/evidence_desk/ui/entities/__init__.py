"""The entity registry in the window: the entity manager and its split dialog."""
