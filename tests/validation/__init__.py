"""Tests of kit.validation."""
