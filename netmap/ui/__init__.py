"""The Streamlit app: pages and helpers over the netmap core (the only part that imports streamlit)."""
